"""German test texts written for these tests (not taken from any publication).

Two of security news, the kind the dictionary layer is for, and three of sport and
culture that use military words as metaphors ("die Bombe platzte", "Abwehrschlacht").
"""

from __future__ import annotations

SECURITY_NEWS = """\
Anschlagspläne in Norddeutschland vereitelt

Die Bundesanwaltschaft hat am Dienstag drei mutmaßliche Mitglieder einer islamistischen \
Terrorzelle festnehmen lassen. Nach Angaben der Ermittler sollen die Männer einen \
Sprengstoffanschlag auf einen Weihnachtsmarkt geplant haben. Spezialeinsatzkräfte der Polizei \
durchsuchten in den frühen Morgenstunden mehrere Wohnungen in Hamburg und Kiel. Dabei stellten \
die Beamten Chemikalien, Zünder und ein Mobiltelefon mit Bauanleitungen sicher.

Der Haftrichter am Bundesgerichtshof erließ Haftbefehle wegen der Vorbereitung einer schweren \
staatsgefährdenden Gewalttat. Einer der Beschuldigten soll im vergangenen Jahr in einem \
Ausbildungslager in Syrien im Umgang mit Sprengsätzen und Schusswaffen geschult worden sein. \
Der Verfassungsschutz hatte die Gruppe seit Monaten beobachtet, nachdem ein ausländischer \
Nachrichtendienst einen Hinweis gegeben hatte.

Nach Einschätzung der Sicherheitsbehörden ist die Gefährdungslage weiterhin hoch. Der \
Bundesinnenminister kündigte an, die Kontrollen an den Grenzen zu verstärken und die Zahl der \
Bundespolizisten an Bahnhöfen zu erhöhen. Zugleich warnte er vor Einzeltätern, die sich im \
Internet radikalisieren und ohne Anbindung an eine Organisation handeln.

Militärische Lage im Nahen Osten

Im Süden des Libanon lieferten sich israelische Truppen und Kämpfer der Hisbollah erneut \
schwere Gefechte. Die israelische Luftwaffe flog nach eigenen Angaben Luftangriffe auf \
Waffenlager und Raketenabschussrampen. Die Miliz feuerte ihrerseits Dutzende Raketen und \
Panzerabwehrlenkwaffen auf Stellungen im Grenzgebiet ab. Ein Sprecher der Armee sprach von \
einem gezielten Vorstoß gegen die Infrastruktur der Organisation.

Diplomaten bemühen sich seit Wochen um einen Waffenstillstand. Ein Entwurf sieht den Rückzug \
der Kämpfer hinter den Fluss Litani und die Stationierung zusätzlicher Soldaten der \
libanesischen Streitkräfte vor. Die Blauhelmsoldaten der Vereinten Nationen meldeten Einschläge \
in der Nähe ihrer Stützpunkte. Mehrere Unterhändler zeigten sich vorsichtig optimistisch, doch \
beide Seiten werfen einander Verstöße gegen frühere Vereinbarungen vor.

Im Gazastreifen setzte die Armee ihre Bodenoffensive fort. Nach Angaben von Hilfsorganisationen \
ist die humanitäre Lage katastrophal. Die Geiselverhandlungen stocken, nachdem ein Vermittler \
aus Katar die Gespräche unterbrochen hatte. Angehörige der Entführten demonstrierten in Tel \
Aviv für ein Abkommen.

Bundeswehr übt Verteidigung an der Ostflanke

An einem Großmanöver in Litauen nehmen mehr als viertausend Soldaten teil. Geübt werden die \
Verlegung einer Panzerbrigade, der Aufbau von Feldlazaretten und die Abwehr feindlicher \
Drohnen. Pioniere errichteten Behelfsbrücken, während Artillerieeinheiten mit Haubitzen scharfe \
Munition verschossen. Der Kommandeur lobte die Zusammenarbeit mit den litauischen Streitkräften \
und den Truppen anderer Nato-Staaten.

Kritiker bemängeln jedoch, dass der Truppe weiterhin Ersatzteile, Nachtsichtgeräte und \
Funkgeräte fehlen. Die Wehrbeauftragte forderte in ihrem Jahresbericht, das Beschaffungswesen \
zu beschleunigen und die Kasernen zu sanieren. Zudem sollen mehr Reservisten für den \
Heimatschutz gewonnen werden. Über die Rückkehr zur Wehrpflicht wird im Bundestag weiter \
gestritten.
"""

POLICE_CYBER_COUP_NEWS = """\
Razzia gegen Schleuserbande

Mit einer großangelegten Razzia sind Ermittler in fünf Bundesländern gegen eine mutmaßliche \
Schleuserbande vorgegangen. Mehr als dreihundert Beamte der Bundespolizei durchsuchten \
Wohnungen, Lagerhallen und eine Spedition. Die Staatsanwaltschaft wirft den Beschuldigten vor, \
Hunderte Migranten gegen hohe Summen über die Balkanroute nach Deutschland gebracht zu haben. \
Sieben Verdächtige wurden festgenommen, gegen zwei weitere liegen Haftbefehle vor.

Nach Angaben der Ermittler nutzte die Bande Lastwagen mit doppelten Böden und gefälschte \
Papiere. Die Erlöse sollen über Scheinfirmen und Bargeldkuriere gewaschen worden sein. Bei den \
Durchsuchungen stellten die Beamten Bargeld, Schmuck und mehrere Schusswaffen sicher. Ein \
Sprengstoffspürhund schlug in einer Garage an, dort fanden die Einsatzkräfte jedoch nur \
Feuerwerkskörper.

Die Festgenommenen sollen noch heute dem Ermittlungsrichter vorgeführt werden. Ihnen drohen \
Haftstrafen von bis zu zehn Jahren. Der Innenminister sprach von einem wichtigen Schlag gegen \
die organisierte Kriminalität und kündigte an, die Zusammenarbeit mit den Nachbarstaaten bei \
der Grenzüberwachung zu vertiefen.

Cyberangriff auf Rüstungszulieferer

Ein mittelständischer Zulieferer der Rüstungsindustrie ist Ziel eines Cyberangriffs geworden. \
Unbekannte hätten sich Zugang zum Firmennetz verschafft und Konstruktionsdaten für Panzerketten \
und Funkanlagen abgegriffen, teilte das Unternehmen mit. Das Bundesamt für Sicherheit in der \
Informationstechnik unterstützt die Aufklärung. Sicherheitskreise vermuten eine staatlich \
gesteuerte Hackergruppe hinter dem Einbruch.

Nach ersten Erkenntnissen nutzten die Angreifer eine Schwachstelle in einer \
Fernwartungssoftware. Über Monate sollen sie unbemerkt Daten abgeschöpft haben, bevor ein \
Mitarbeiter ungewöhnliche Verbindungen bemerkte. Das Verteidigungsministerium prüft, ob geheime \
Unterlagen betroffen sind. Die Spionageabwehr des Militärischen Abschirmdienstes hat \
Ermittlungen aufgenommen.

Putsch in der Sahelzone

In einem westafrikanischen Staat haben meuternde Offiziere die Macht übernommen. Soldaten der \
Präsidialgarde setzten den Präsidenten in seiner Residenz fest und verkündeten im \
Staatsfernsehen die Auflösung der Regierung und die Aussetzung der Verfassung. Die Putschisten \
begründeten ihren Schritt mit der schlechten Sicherheitslage im Norden, wo dschihadistische \
Milizen seit Jahren Dörfer überfallen und Militärposten angreifen.

Die Nachbarländer drohten mit Sanktionen und forderten die Freilassung des Staatschefs. \
Frankreich setzte die militärische Zusammenarbeit aus und kündigte den Abzug seiner Ausbilder \
an. In der Hauptstadt blieb es zunächst ruhig, an wichtigen Kreuzungen standen jedoch \
Panzerwagen, und Militärpatrouillen kontrollierten den Verkehr. Beobachter befürchten, dass die \
Junta sich nun stärker an Russland anlehnen und ausländische Söldner ins Land holen könnte.
"""

FOOTBALL_REPORT = """\
Die Bombe platzt in der Nachspielzeit

Es lief bereits die dritte Minute der Nachspielzeit, als die Bombe platzte. Mittelstürmer \
Niklas Berger nahm eine Flanke von der rechten Seite direkt und jagte den Ball unhaltbar unter \
die Latte. Das Stadion an der Alten Försterei explodierte förmlich, die Anhänger lagen sich in \
den Armen. Mit dem 2:1 gegen den Tabellenzweiten hat sich Union Berlin im Abstiegskampf eine \
glänzende Ausgangslage verschafft.

Dabei hatte der Abend für die Gastgeber schlecht begonnen. Die Gäste aus Leverkusen eröffneten \
das Spiel mit einem Sturmlauf, und nach einem Konter über die linke Flanke stand es früh 0:1. \
Die Abwehr der Berliner wirkte in dieser Phase verunsichert, der Torwart musste mehrfach in \
höchster Not klären. Trainer Steffen Baumgart tobte an der Seitenlinie und forderte lautstark \
mehr Aggressivität in den Zweikämpfen.

Nach der Pause stellte er auf eine Dreierkette um. Der Schachzug ging auf: Union gewann nun die \
meisten Kopfballduelle, und der Angriff fand endlich Lücken in der gegnerischen Deckung. Ein \
Schuss von Kapitän Christopher Trimmel klatschte an den Pfosten, kurz darauf scheiterte Berger \
freistehend am Torhüter. Der Ausgleich fiel schließlich nach einem Eckball, als Verteidiger \
Danilho Doekhi am höchsten stieg und einköpfte.

Leverkusen versuchte in der Schlussviertelstunde, mit schnellen Kombinationen die Entscheidung \
zu erzwingen. Doch die Berliner verteidigten leidenschaftlich, warfen sich in jeden Schuss und \
trieben ihre Gegner immer wieder zu Fehlpässen. Die Taktik des Trainers, das Zentrum dicht zu \
machen und über die Außenbahnen zu kontern, ging voll auf. Auf den Rängen wurde jede gewonnene \
Grätsche gefeiert wie ein Tor.

Nach dem Schlusspfiff sprach Baumgart von einem Sieg der Mentalität. Seine Mannschaft habe \
gezeigt, dass sie für diesen Verein alles gebe. Der Sportdirektor kündigte an, den auslaufenden \
Vertrag des Kapitäns verlängern zu wollen. Der Verteidiger selbst sagte, er fühle sich in \
Köpenick zu Hause und wolle seine Karriere hier beenden.

Die Statistik unterstreicht den Aufwärtstrend: Aus den letzten fünf Spielen holte Union elf \
Punkte, nur eine Niederlage steht zu Buche. In der kommenden Woche wartet das Pokalspiel gegen \
einen Zweitligisten, bevor es am Wochenende zum Derby gegen Hertha geht. Die Polizei rechnet \
wie üblich mit einem Großaufgebot, weil es bei früheren Begegnungen zu Ausschreitungen zwischen \
rivalisierenden Fangruppen gekommen war. Die Karten für das Derby waren binnen Minuten \
ausverkauft, und der Verein hat eine Leinwand vor dem Stadion angekündigt.
"""

HANDBALL_REPORT = """\
Handball: Die Abwehrschlacht von Kiel

Es war eine Abwehrschlacht, wie man sie in der Bundesliga selten sieht. Der THW Kiel hat das \
Spitzenspiel gegen die Füchse Berlin mit 27:25 gewonnen und die Tabellenführung verteidigt. Vor \
ausverkauftem Haus lieferten sich beide Mannschaften sechzig Minuten lang einen offenen \
Schlagabtausch, bei dem keine Seite einen Rückstand von mehr als zwei Toren zuließ.

Die Gäste begannen mit einer offensiven Deckung und setzten die Kieler früh unter Druck. Der \
dänische Rückraumspieler, den die Berliner Fans nur den Bomber nennen, feuerte aus allen Lagen \
auf das Tor und traf in der ersten Halbzeit sechsmal. Kiel antwortete mit schnellen Gegenstößen \
über die Außen und einem starken Torwart, der zwei Siebenmeter parierte. Zur Pause stand es \
13:13.

Nach dem Wechsel stellte der Kieler Trainer seine Abwehr um. Die Umstellung zeigte Wirkung: Die \
Berliner kamen kaum noch zu freien Würfen, und ihr Torjäger wurde von zwei Spielern in \
Manndeckung genommen. Der Kapitän der Kieler riss seine Mitspieler mit, warf sich in jeden Ball \
und erzielte selbst vier Treffer. Als der Linksaußen zehn Minuten vor Schluss per Kempa-Trick \
zum 24:21 vollendete, bebte die Halle.

Die Füchse gaben sich jedoch nicht geschlagen. Mit einer taktischen Auszeit und einem siebten \
Feldspieler kamen sie noch einmal auf ein Tor heran. In der letzten Minute hatte der Berliner \
Kreisläufer den Ausgleich auf der Hand, scheiterte aber am Pfosten. Im Gegenzug machte Kiel mit \
einem Tempogegenstoß alles klar. Die Spieler feierten den Sieg mit den Fans vor der \
Nordtribüne.

Der Berliner Trainer haderte nach dem Spiel mit einigen Entscheidungen der Schiedsrichter, \
lobte aber den Kampfgeist seiner Mannschaft. Sein Kieler Kollege sprach von einem Sieg des \
Willens und kündigte an, die Strategie für die Champions League nicht zu ändern. Am Mittwoch \
empfängt Kiel den französischen Meister, bevor am Wochenende das Derby gegen Flensburg ansteht. \
Der Vorverkauf hat bereits begonnen, und der Verein rechnet erneut mit einer vollen Halle.
"""

BOOK_REVIEW = """\
Ein Roman über Schuld und Erinnerung

Mit ihrem neuen Roman legt die Leipziger Autorin Johanna Seidel ein Buch vor, das lange \
nachwirkt. Erzählt wird die Geschichte einer Familie über drei Generationen, von den letzten \
Kriegsjahren bis in die Gegenwart. Im Zentrum steht die Großmutter Hedwig, die als junge Frau \
aus Schlesien flieht und in einem Dorf an der Elbe neu anfängt. Über ihre Erlebnisse auf der \
Flucht spricht sie ein Leben lang nicht.

Erst ihre Enkelin Clara, eine Historikerin in Berlin, beginnt Jahrzehnte später nachzufragen. \
Sie findet Briefe, Fotografien und ein Tagebuch, das die Großmutter in einer Blechdose \
versteckt hatte. Seidel verwebt diese Fundstücke geschickt mit Claras eigener Lebenskrise: Ihre \
Ehe zerbricht, ihre Stelle an der Universität ist befristet, und die Frage, was sie von ihrer \
Familie geerbt hat, lässt sie nicht los.

Die Autorin erzählt ruhig und genau. Sie verzichtet auf große Gesten und vertraut ihren \
Figuren. Besonders stark sind die Passagen, in denen die Erinnerung der alten Frau \
bruchstückhaft zurückkehrt, als Geruch von Rauch, als Geräusch von Schritten auf gefrorenem \
Boden. Man merkt dem Buch an, dass Seidel lange recherchiert und mit Zeitzeugen gesprochen hat, \
ohne dass die Recherche den Text je erdrückt.

Nicht jede Nebenfigur ist gleich gut gelungen. Der Ehemann bleibt blass, und eine \
Liebesgeschichte im letzten Drittel wirkt etwas bemüht. Auch die Sprache gerät an einigen \
Stellen ins Pathetische, etwa wenn vom Schweigen als einer Mauer die Rede ist, hinter der eine \
ganze Generation Schutz gesucht habe. Doch das sind Einwände, die den Gesamteindruck kaum \
schmälern.

Der Verlag hat das Buch bereits in mehrere Sprachen verkaufen können, eine Verfilmung ist im \
Gespräch. Auf der Buchmesse im Frühjahr war Seidels Lesung restlos ausgebucht, und die Jury \
eines bedeutenden Literaturpreises hat den Roman auf die Longlist gesetzt. Die \
Kulturstaatsministerin lobte bei der Preisverleihung im Herbst den Mut der Autorin, ein \
schwieriges Kapitel der deutschen Geschichte so persönlich zu erzählen.

Am Ende steht keine Versöhnung im großen Stil, sondern ein leiser Moment: Clara fährt in das \
Dorf an der Elbe, sitzt am Ufer und liest der Großmutter, die inzwischen kaum noch spricht, aus \
ihrem eigenen Tagebuch vor. Es ist ein Schluss, der berührt, weil er nichts erklärt. Seidel ist \
ein kluges, ernstes Buch gelungen, das von der Last der Vergangenheit erzählt und davon, wie \
man sie tragen kann.
"""
