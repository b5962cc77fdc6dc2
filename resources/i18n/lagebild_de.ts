<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="21"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="22"/>
        <source>&amp;Paste as New Document…</source>
        <translation>Als neues Dokument &amp;einfügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="24"/>
        <source>Export &amp;Bilingual HTML…</source>
        <translation>&amp;Zweisprachiges HTML exportieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="26"/>
        <source>Export &amp;Glossary (CSV/TBX)…</source>
        <translation>&amp;Glossar exportieren (CSV/TBX)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="28"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="29"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="32"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="34"/>
        <source>&amp;Reset Zoom</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="35"/>
        <source>&amp;Synchronised Scrolling</source>
        <translation>&amp;Synchrones Blättern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="37"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="40"/>
        <source>&amp;Glossary Panel</source>
        <translation>&amp;Glossarleiste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="42"/>
        <source>&amp;Find in Glossary</source>
        <translation>Im Glossar &amp;suchen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="44"/>
        <source>Focus &amp;German Text</source>
        <translation>Zum &amp;deutschen Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="46"/>
        <source>Focus &amp;English Text</source>
        <translation>Zum &amp;englischen Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="48"/>
        <source>Focus Glossary &amp;List</source>
        <translation>Zur Glossar&amp;liste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="50"/>
        <source>&amp;Translate Again</source>
        <translation>Erneut &amp;übersetzen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="51"/>
        <source>&amp;Cancel Translation</source>
        <translation>Übersetzung &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="52"/>
        <source>&amp;Add Term to Glossary…</source>
        <translation>Begriff zum Glossar &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="53"/>
        <source>&amp;Models…</source>
        <translation>&amp;Modelle…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="54"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="55"/>
        <source>&amp;About Lagebild</source>
        <translation>Ü&amp;ber Lagebild</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="58"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="60"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="67"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="74"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="76"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="106"/>
        <source>Open document</source>
        <translation>Dokument öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="107"/>
        <source>Documents (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;All files (*)</source>
        <translation>Dokumente (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="116"/>
        <source>Export bilingual HTML</source>
        <translation>Zweisprachiges HTML exportieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="117"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="126"/>
        <source>Export glossary</source>
        <translation>Glossar exportieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="127"/>
        <source>CSV (*.csv);;TBX (*.tbx)</source>
        <translation>CSV (*.csv);;TBX (*.tbx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="138"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="140"/>
        <source>Exported.</source>
        <translation>Exportiert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="164"/>
        <source>About Lagebild</source>
        <translation>Über Lagebild</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="165"/>
        <source>&lt;b&gt;%1 %2&lt;/b&gt;&lt;p&gt;Read German defence news beside an offline English translation and a glossary of military and agency terms.&lt;/p&gt;</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt;&lt;p&gt;Deutsche Sicherheits- und Verteidigungsnachrichten neben einer Offline-Übersetzung ins Englische und einem Glossar militärischer und behördlicher Begriffe lesen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Look Up Word</source>
        <translation>Wort &amp;nachschlagen</translation>
    </message>
    <message>
        <source>&amp;Install from File…</source>
        <translation>Aus Datei &amp;installieren…</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Dictionary</source>
        <translation>&amp;Wörterbuch</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="344"/>
        <source>Agencies and services</source>
        <translation>Behörden und Dienste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="345"/>
        <source>Armed forces and units</source>
        <translation>Streitkräfte und Verbände</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="346"/>
        <source>Weapon systems</source>
        <translation>Waffensysteme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="347"/>
        <source>Weapon classes</source>
        <translation>Waffengattungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="348"/>
        <source>Concepts</source>
        <translation>Begriffe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="349"/>
        <source>Sanctions and diplomacy</source>
        <translation>Sanktionen und Diplomatie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="350"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="351"/>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="352"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="87"/>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="90"/>
        <source>Something went wrong. Your document is still open. The details below help to fix it:</source>
        <translation>Etwas ist schiefgegangen. Ihr Dokument ist weiterhin geöffnet. Die folgenden Details helfen bei der Fehlersuche:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="96"/>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="100"/>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <location filename="../../desktop/ui/flags.py" line="11"/>
        <source>The model produced no translation for this sentence.</source>
        <translation>Das Modell hat für diesen Satz keine Übersetzung geliefert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="13"/>
        <source>The model copied the German sentence instead of translating it.</source>
        <translation>Das Modell hat den deutschen Satz kopiert statt ihn zu übersetzen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="15"/>
        <source>The translation repeats itself (a model loop).</source>
        <translation>Die Übersetzung wiederholt sich (Modellschleife).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="17"/>
        <source>The translation is much shorter or longer than the German sentence.</source>
        <translation>Die Übersetzung ist viel kürzer oder länger als der deutsche Satz.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="19"/>
        <source>A designator or number (e.g. KN-23, 42) is missing from the translation.</source>
        <translation>Eine Typbezeichnung oder Zahl (z. B. KN-23, 42) fehlt in der Übersetzung.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="21"/>
        <source>Protected terms could not be restored in the translation.</source>
        <translation>Geschützte Begriffe konnten in der Übersetzung nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="24"/>
        <source>Translation check: %1</source>
        <translation>Übersetzungsprüfung: %1</translation>
    </message>
</context>
<context>
    <name>GlossaryDock</name>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="41"/>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="54"/>
        <source>Search the glossary…</source>
        <translation>Glossar durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="56"/>
        <source>Glossary search</source>
        <translation>Glossarsuche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="58"/>
        <source>Category filter</source>
        <translation>Kategoriefilter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="59"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="70"/>
        <source>Glossary terms</source>
        <translation>Glossarbegriffe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="71"/>
        <source>Term</source>
        <translation>Begriff</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="71"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="71"/>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="82"/>
        <source>Glossary entry details</source>
        <translation>Details zum Glossareintrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="88"/>
        <source>Add to glossary…</source>
        <translation>Zum Glossar hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="89"/>
        <source>Add to glossary</source>
        <translation>Zum Glossar hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="90"/>
        <source>Add the selected suggestion, or a new term, to your own glossary</source>
        <translation>Den gewählten Vorschlag oder einen neuen Begriff in das eigene Glossar aufnehmen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="99"/>
        <source>The glossary is loading…</source>
        <translation>Das Glossar wird geladen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="114"/>
        <source>Glossary terms in this article: %1. Select one to see its definition and where it occurs; search to look up any entry of the glossary.</source>
        <translation>Glossarbegriffe in diesem Artikel: %1. Wählen Sie einen aus, um Definition und Fundstellen zu sehen; die Suche findet jeden Eintrag des Glossars.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="160"/>
        <source>Other glossary entries (%1)</source>
        <translation>Weitere Glossareinträge (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="165"/>
        <source>Suggested new terms (%1)</source>
        <translation>Vorgeschlagene neue Begriffe (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="173"/>
        <source>Not in the glossary yet</source>
        <translation>Noch nicht im Glossar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="291"/>
        <source>your entry</source>
        <translation>eigener Eintrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="295"/>
        <source>German variants</source>
        <translation>Deutsche Varianten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="296"/>
        <source>English variants</source>
        <translation>Englische Varianten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="297"/>
        <source>Kept as is in translations.</source>
        <translation>Wird in Übersetzungen unverändert übernommen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="298"/>
        <source>Hits in this article</source>
        <translation>Treffer in diesem Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="299"/>
        <source>Not found in this article.</source>
        <translation>Nicht in diesem Artikel gefunden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="322"/>
        <source>Suggested new term, not in the glossary yet.</source>
        <translation>Vorgeschlagener neuer Begriff, noch nicht im Glossar.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="82"/>
        <source>Glossary panel</source>
        <translation>Glossarleiste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="98"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="104"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="105"/>
        <source>Translation progress</source>
        <translation>Übersetzungsfortschritt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="107"/>
        <source>Sentences translated</source>
        <translation>Übersetzte Sätze</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="111"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="112"/>
        <source>Cancel translation</source>
        <translation>Übersetzung abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="146"/>
        <source>Download cancelled.</source>
        <translation>Download abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="154"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="159"/>
        <source>Pasted text</source>
        <translation>Eingefügter Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="169"/>
        <source>Cannot open the document</source>
        <translation>Das Dokument kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="188"/>
        <source>Looking for glossary terms…</source>
        <translation>Glossarbegriffe werden gesucht…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="189"/>
        <source>%1 sentences</source>
        <translation>%1 Sätze</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="197"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="224"/>
        <source>Translation cancelled: %1 of %2 sentences.</source>
        <translation>Übersetzung abgebrochen: %1 von %2 Sätzen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="268"/>
        <source>Translated %1/%2 sentences · %3 words/s</source>
        <translation>%1/%2 Sätze übersetzt · %3 Wörter/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="283"/>
        <source>No translation model installed.</source>
        <translation>Kein Übersetzungsmodell installiert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="289"/>
        <source>Translated %1/%2 sentences.</source>
        <translation>%1/%2 Sätze übersetzt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="285"/>
        <source>Translation failed: %1</source>
        <translation>Übersetzung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="301"/>
        <source>The glossary is unavailable: %1</source>
        <translation>Das Glossar ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="307"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="381"/>
        <source>Could not save the glossary</source>
        <translation>Das Glossar konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="383"/>
        <source>Added “%1” to your glossary.</source>
        <translation>„%1“ wurde Ihrem Glossar hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_parts.py" line="28"/>
        <source>Downloading from the Argos index…</source>
        <translation>Download aus dem Argos-Index…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_parts.py" line="35"/>
        <source>Install model</source>
        <translation>Modell installieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_parts.py" line="36"/>
        <source>Argos packages (*.argosmodel)</source>
        <translation>Argos-Pakete (*.argosmodel)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_parts.py" line="40"/>
        <source>Installing…</source>
        <translation>Wird installiert…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_parts.py" line="122"/>
        <source>Settings cannot be saved: %1 is read-only or full. Changes are kept until Lagebild closes.</source>
        <translation>Einstellungen können nicht gespeichert werden: %1 ist schreibgeschützt oder voll. Änderungen bleiben bis zum Beenden von Lagebild erhalten.</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="26"/>
        <source>Translation models</source>
        <translation>Übersetzungsmodelle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="30"/>
        <source>Installed models</source>
        <translation>Installierte Modelle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="32"/>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="32"/>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="32"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="32"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="41"/>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="45"/>
        <source>Install from file…</source>
        <translation>Aus Datei installieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="46"/>
        <source>Download German → English</source>
        <translation>Deutsch → Englisch herunterladen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="47"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="48"/>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="69"/>
        <source>Download cancelled.</source>
        <translation>Download abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="75"/>
        <source>Reading installed models…</source>
        <translation>Installierte Modelle werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="86"/>
        <source>Installed models: %1</source>
        <translation>Installierte Modelle: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="100"/>
        <source>Install model</source>
        <translation>Modell installieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="100"/>
        <source>Argos packages (*.argosmodel)</source>
        <translation>Argos-Pakete (*.argosmodel)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="102"/>
        <source>Installing…</source>
        <translation>Wird installiert…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="106"/>
        <source>Downloading from the Argos index…</source>
        <translation>Download aus dem Argos-Index…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="112"/>
        <source>Select a model to remove.</source>
        <translation>Wählen Sie ein Modell zum Entfernen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="116"/>
        <source>Remove the model %1?</source>
        <translation>Das Modell %1 entfernen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="118"/>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
</context>
<context>
    <name>NoModelPanel</name>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="27"/>
        <source>No translation model</source>
        <translation>Kein Übersetzungsmodell</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="33"/>
        <source>No German → English translation model is installed</source>
        <translation>Es ist kein Übersetzungsmodell Deutsch → Englisch installiert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="44"/>
        <source>Lagebild translates offline with an Argos Translate package. Download the German → English package from the Argos index (about 100 MB, once), or install an .argosmodel file you already have. The German text and the glossary work fully meanwhile.</source>
        <translation>Lagebild übersetzt offline mit einem Argos-Translate-Paket. Laden Sie das Paket Deutsch → Englisch aus dem Argos-Index herunter (etwa 100 MB, einmalig) oder installieren Sie eine vorhandene .argosmodel-Datei. Der deutsche Text und das Glossar funktionieren währenddessen vollständig.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="55"/>
        <source>Download from the Argos index</source>
        <translation>Aus dem Argos-Index herunterladen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="56"/>
        <source>Download model from the Argos index</source>
        <translation>Modell aus dem Argos-Index herunterladen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="57"/>
        <source>Install from file…</source>
        <translation>Aus Datei installieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="58"/>
        <source>Install model from file</source>
        <translation>Modell aus Datei installieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="64"/>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="66"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="67"/>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="89"/>
        <source>From the command line: %1</source>
        <translation>Auf der Kommandozeile: %1</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="113"/>
        <source>Paste as new document</source>
        <translation>Als neues Dokument einfügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="117"/>
        <source>Text to open</source>
        <translation>Zu öffnender Text</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../desktop/ui/reading_view.py" line="45"/>
        <source>German text</source>
        <translation>Deutscher Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading_view.py" line="47"/>
        <source>English translation</source>
        <translation>Englische Übersetzung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading_view.py" line="58"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading_view.py" line="59"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="137"/>
        <location filename="../../desktop/ui/dialogs.py" line="141"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>TermEditorDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="33"/>
        <source>Add to glossary</source>
        <translation>Zum Glossar hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="37"/>
        <source>German term</source>
        <translation>Deutscher Begriff</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="39"/>
        <source>English rendering</source>
        <translation>Englische Entsprechung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="41"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="46"/>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="49"/>
        <source>(no context)</source>
        <translation>(kein Kontext)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="52"/>
        <source>&amp;German term:</source>
        <translation>&amp;Deutscher Begriff:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="53"/>
        <source>&amp;English rendering:</source>
        <translation>&amp;Englische Entsprechung:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="54"/>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="55"/>
        <source>&amp;Definition:</source>
        <translation>De&amp;finition:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="56"/>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="76"/>
        <source>Please fill in the German term and its English rendering.</source>
        <translation>Bitte den deutschen Begriff und seine englische Entsprechung ausfüllen.</translation>
    </message>
</context>
<context>
    <name>LookupController</name>
    <message>
        <source>Dictionary index</source>
        <translation>Wörterbuchindex</translation>
    </message>
    <message>
        <source>Building the dictionary index (once)… %1%</source>
        <translation>Der Wörterbuchindex wird erstellt (einmalig)… %1 %</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Wird nachgeschlagen…</translation>
    </message>
    <message>
        <source>Building the dictionary index… %1%</source>
        <translation>Wörterbuchindex wird erstellt… %1 %</translation>
    </message>
    <message>
        <source>Dictionary index ready.</source>
        <translation>Wörterbuchindex bereit.</translation>
    </message>
    <message>
        <source>Install a dictionary</source>
        <translation>Wörterbuch installieren</translation>
    </message>
    <message>
        <source>Ding dictionary files (de-en* *.txt);;All files (*)</source>
        <translation>Ding-Wörterbuchdateien (de-en* *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Installing the dictionary…</source>
        <translation>Wörterbuch wird installiert…</translation>
    </message>
    <message>
        <source>Dictionary installed: %1 entries.</source>
        <translation>Wörterbuch installiert: %1 Einträge.</translation>
    </message>
    <message>
        <source>Dictionary</source>
        <translation>Wörterbuch</translation>
    </message>
</context>
<context>
    <name>LookupPopup</name>
    <message>
        <source>Dictionary lookup</source>
        <translation>Wörterbuch</translation>
    </message>
    <message>
        <source>Close the lookup</source>
        <translation>Nachschlagen schließen</translation>
    </message>
    <message>
        <source>Dictionary entries</source>
        <translation>Wörterbucheinträge</translation>
    </message>
    <message>
        <source>Install from file…</source>
        <translation>Aus Datei installieren…</translation>
    </message>
    <message>
        <source>Install a dictionary from a file</source>
        <translation>Ein Wörterbuch aus einer Datei installieren</translation>
    </message>
    <message>
        <source>No German–English dictionary is installed. Install the Debian package trans-de-en (sudo apt install trans-de-en), or choose Tools → Dictionary → Install from file… and pick a Ding file (de-en.txt).</source>
        <translation>Kein Deutsch–Englisch-Wörterbuch installiert. Installieren Sie das Debian-Paket trans-de-en (sudo apt install trans-de-en) oder wählen Sie Werkzeuge → Wörterbuch → Aus Datei installieren… und eine Ding-Datei (de-en.txt).</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>%1 more in the dictionary</source>
        <translation>%1 weitere im Wörterbuch</translation>
    </message>
    <message>
        <source>%1 is not listed as a whole; its parts:</source>
        <translation>%1 steht nicht als Ganzes im Wörterbuch; die Teile:</translation>
    </message>
    <message>
        <source>No entry for “%1”.</source>
        <translation>Kein Eintrag für „%1“.</translation>
    </message>
    <message>
        <source>Index: %1</source>
        <translation>Index: %1</translation>
    </message>
    <message>
        <source>installed copy</source>
        <translation>installierte Kopie</translation>
    </message>
    <message>
        <source>system file</source>
        <translation>Systemdatei</translation>
    </message>
    <message>
        <source>Dictionary: %1 entries.</source>
        <translation>Wörterbuch: %1 Einträge.</translation>
    </message>
    <message>
        <source>Dictionary: the index is not built yet.</source>
        <translation>Wörterbuch: Der Index ist noch nicht erstellt.</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>Datei: %1 (%2)</translation>
    </message>
    <message>
        <source>The index is %1; the next lookup rebuilds it.</source>
        <translation>Der Index ist nicht lesbar: %1; das nächste Nachschlagen erstellt ihn neu.</translation>
    </message>
    <message>
        <source>The first lookup builds it (once; it takes a while).</source>
        <translation>Das erste Nachschlagen erstellt ihn (einmalig; das dauert eine Weile).</translation>
    </message>
    <message>
        <source>Index size: %1, built %2</source>
        <translation>Indexgröße: %1, erstellt %2</translation>
    </message>
    <message>
        <source>The file changed: the next lookup rebuilds the index.</source>
        <translation>Die Datei hat sich geändert: Das nächste Nachschlagen erstellt den Index neu.</translation>
    </message>
</context>
</TS>
