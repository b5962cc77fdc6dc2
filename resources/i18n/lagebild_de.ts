<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="22"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="23"/>
        <source>Open &amp;URL…</source>
        <translation>&amp;URL öffnen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="24"/>
        <source>&amp;Paste as New Document…</source>
        <translation>Als neues Dokument &amp;einfügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="28"/>
        <source>Paste &amp;Link or Web Page</source>
        <translation>&amp;Link oder Webseite einfügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="31"/>
        <source>Export &amp;Bilingual HTML…</source>
        <translation>&amp;Zweisprachiges HTML exportieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="34"/>
        <source>Export &amp;Glossary (CSV/TBX)…</source>
        <translation>&amp;Glossar exportieren (CSV/TBX)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="36"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="38"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="42"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="44"/>
        <source>&amp;Reset Zoom</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="46"/>
        <source>&amp;Synchronised Scrolling</source>
        <translation>&amp;Synchrones Blättern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="49"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="55"/>
        <source>&amp;Glossary Panel</source>
        <translation>&amp;Glossarleiste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="58"/>
        <source>&amp;Find in Glossary</source>
        <translation>Im Glossar &amp;suchen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="61"/>
        <source>Focus &amp;German Text</source>
        <translation>Zum &amp;deutschen Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="64"/>
        <source>Focus &amp;English Text</source>
        <translation>Zum &amp;englischen Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="67"/>
        <source>Focus Glossary &amp;List</source>
        <translation>Zur Glossar&amp;liste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="71"/>
        <source>&amp;Translate Again</source>
        <translation>Erneut &amp;übersetzen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="72"/>
        <source>&amp;Cancel Translation</source>
        <translation>Übersetzung &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="73"/>
        <source>&amp;Add Term to Glossary…</source>
        <translation>Begriff zum Glossar &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="74"/>
        <source>&amp;Models…</source>
        <translation>&amp;Modelle…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="83"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="84"/>
        <source>&amp;About Lagebild</source>
        <translation>Ü&amp;ber Lagebild</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="87"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="89"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="96"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="104"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="110"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="143"/>
        <source>Open document</source>
        <translation>Dokument öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="145"/>
        <source>Documents (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;All files (*)</source>
        <translation>Dokumente (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="160"/>
        <source>Open URL</source>
        <translation>URL öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="161"/>
        <source>Address of a web page (https://…):</source>
        <translation>Adresse einer Webseite (https://…):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="169"/>
        <source>Not a web address: %1 (it must start with http:// or https://)</source>
        <translation>Keine Webadresse: %1 (sie muss mit http:// oder https:// beginnen)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="182"/>
        <source>Export bilingual HTML</source>
        <translation>Zweisprachiges HTML exportieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="184"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="195"/>
        <source>Export glossary</source>
        <translation>Glossar exportieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="197"/>
        <source>CSV (*.csv);;TBX (*.tbx)</source>
        <translation>CSV (*.csv);;TBX (*.tbx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="212"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="214"/>
        <source>Exported.</source>
        <translation>Exportiert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="240"/>
        <source>About Lagebild</source>
        <translation>Über Lagebild</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="242"/>
        <source>&lt;b&gt;%1 %2&lt;/b&gt;&lt;p&gt;Read German defence news beside an offline English translation and a glossary of military and agency terms.&lt;/p&gt;</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt;&lt;p&gt;Deutsche Sicherheits- und Verteidigungsnachrichten neben einer Offline-Übersetzung ins Englische und einem Glossar militärischer und behördlicher Begriffe lesen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="77"/>
        <source>&amp;Look Up Word</source>
        <translation>Wort &amp;nachschlagen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="80"/>
        <source>&amp;Install from File…</source>
        <translation>Aus Datei &amp;installieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="82"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="108"/>
        <source>&amp;Dictionary</source>
        <translation>&amp;Wörterbuch</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="50"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="51"/>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="52"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="53"/>
        <source>Translated</source>
        <translation>Übersetzt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="54"/>
        <source>Terms</source>
        <translation>Begriffe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="55"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="56"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="59"/>
        <source>Share of sentences with a stored English translation</source>
        <translation>Anteil der Sätze mit gespeicherter englischer Übersetzung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="60"/>
        <source>Glossary and dictionary terms found in the article</source>
        <translation>Im Artikel gefundene Glossar- und Wörterbuchbegriffe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="61"/>
        <source>Read mark: click to mark read or unread</source>
        <translation>Gelesen-Markierung: Klicken, um als gelesen oder ungelesen zu markieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/model.py" line="62"/>
        <source>Your tags, comma-separated (F2 to edit)</source>
        <translation>Ihre Schlagwörter, durch Kommas getrennt (F2 zum Bearbeiten)</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="487"/>
        <source>Agencies and services</source>
        <translation>Behörden und Dienste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="488"/>
        <source>Armed forces and units</source>
        <translation>Streitkräfte und Verbände</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="489"/>
        <source>Weapon systems</source>
        <translation>Waffensysteme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="490"/>
        <source>Weapon classes</source>
        <translation>Waffengattungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="491"/>
        <source>Concepts</source>
        <translation>Begriffe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="492"/>
        <source>Sanctions and diplomacy</source>
        <translation>Sanktionen und Diplomatie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="493"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="494"/>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="495"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="126"/>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="131"/>
        <source>Something went wrong. Your document is still open. The details below help to fix it:</source>
        <translation>Etwas ist schiefgegangen. Ihr Dokument ist weiterhin geöffnet. Die folgenden Details helfen bei der Fehlersuche:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="140"/>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="144"/>
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
        <location filename="../../desktop/ui/flags.py" line="14"/>
        <source>The model copied the German sentence instead of translating it.</source>
        <translation>Das Modell hat den deutschen Satz kopiert statt ihn zu übersetzen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="17"/>
        <source>The translation repeats itself (a model loop).</source>
        <translation>Die Übersetzung wiederholt sich (Modellschleife).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="20"/>
        <source>The translation is much shorter or longer than the German sentence.</source>
        <translation>Die Übersetzung ist viel kürzer oder länger als der deutsche Satz.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="23"/>
        <source>A designator or number (e.g. KN-23, 42) is missing from the translation.</source>
        <translation>Eine Typbezeichnung oder Zahl (z. B. KN-23, 42) fehlt in der Übersetzung.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="26"/>
        <source>Protected terms could not be restored in the translation.</source>
        <translation>Geschützte Begriffe konnten in der Übersetzung nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flags.py" line="30"/>
        <source>Translation check: %1</source>
        <translation>Übersetzungsprüfung: %1</translation>
    </message>
</context>
<context>
    <name>GlossaryDock</name>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="48"/>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="62"/>
        <source>Search the glossary…</source>
        <translation>Glossar durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="64"/>
        <source>Glossary search</source>
        <translation>Glossarsuche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="66"/>
        <source>Category filter</source>
        <translation>Kategoriefilter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="67"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="80"/>
        <source>Glossary terms</source>
        <translation>Glossarbegriffe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="81"/>
        <source>Term</source>
        <translation>Begriff</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="81"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="81"/>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="92"/>
        <source>Glossary entry details</source>
        <translation>Details zum Glossareintrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="98"/>
        <source>Add to glossary…</source>
        <translation>Zum Glossar hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="99"/>
        <source>Add to glossary</source>
        <translation>Zum Glossar hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="101"/>
        <source>Add the selected suggestion, or a new term, to your own glossary</source>
        <translation>Den gewählten Vorschlag oder einen neuen Begriff in das eigene Glossar aufnehmen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="103"/>
        <location filename="../../desktop/ui/glossary_dock.py" line="381"/>
        <source>Add to my glossary</source>
        <translation>Ins eigene Glossar aufnehmen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="104"/>
        <source>Add dictionary term to my glossary</source>
        <translation>Wörterbuchbegriff ins eigene Glossar aufnehmen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="106"/>
        <source>Add the selected term from the dictionary to your own glossary</source>
        <translation>Den gewählten Begriff aus dem Wörterbuch in das eigene Glossar aufnehmen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="122"/>
        <source>The glossary is loading…</source>
        <translation>Das Glossar wird geladen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="144"/>
        <source>Glossary terms in this article: %1. Select one to see its definition and where it occurs; search to look up any entry of the glossary.</source>
        <translation>Glossarbegriffe in diesem Artikel: %1. Wählen Sie einen aus, um Definition und Fundstellen zu sehen; die Suche findet jeden Eintrag des Glossars.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="206"/>
        <source>Other glossary entries (%1)</source>
        <translation>Weitere Glossareinträge (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="212"/>
        <source>Suggested new terms (%1)</source>
        <translation>Vorgeschlagene neue Begriffe (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="220"/>
        <source>Not in the glossary yet</source>
        <translation>Noch nicht im Glossar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="237"/>
        <source>From the dictionary (%1)</source>
        <translation>Aus dem Wörterbuch (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="250"/>
        <source>From the dictionary: %1</source>
        <translation>Aus dem Wörterbuch: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="400"/>
        <source>your entry</source>
        <translation>eigener Eintrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="405"/>
        <source>German variants</source>
        <translation>Deutsche Varianten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="406"/>
        <source>English variants</source>
        <translation>Englische Varianten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="407"/>
        <source>Kept as is in translations.</source>
        <translation>Wird in Übersetzungen unverändert übernommen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="408"/>
        <location filename="../../desktop/ui/glossary_dock.py" line="446"/>
        <source>Hits in this article</source>
        <translation>Treffer in diesem Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="409"/>
        <source>Not found in this article.</source>
        <translation>Nicht in diesem Artikel gefunden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="454"/>
        <source>Not in your glossary: “Add to my glossary” keeps it there.</source>
        <translation>Nicht in Ihrem Glossar: „Ins eigene Glossar aufnehmen“ speichert ihn dort.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_dock.py" line="460"/>
        <source>Suggested new term, not in the glossary yet.</source>
        <translation>Vorgeschlagener neuer Begriff, noch nicht im Glossar.</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../desktop/ui/library/widgets.py" line="95"/>
        <source>%1 added, %2 already in the library, %3 failed.</source>
        <translation>%1 hinzugefügt, %2 bereits in der Bibliothek, %3 fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/widgets.py" line="103"/>
        <source>The import was cancelled; what was imported stays.</source>
        <translation>Der Import wurde abgebrochen; bereits Importiertes bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/widgets.py" line="108"/>
        <source>The import stopped: %1</source>
        <translation>Der Import wurde unterbrochen: %1</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../desktop/ui/library/widgets.py" line="67"/>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/widgets.py" line="68"/>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/widgets.py" line="74"/>
        <source>Import summary</source>
        <translation>Zusammenfassung des Imports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/widgets.py" line="79"/>
        <source>Items that could not be imported</source>
        <translation>Einträge, die nicht importiert werden konnten</translation>
    </message>
</context>
<context>
    <name>JobStrip</name>
    <message>
        <location filename="../../desktop/ui/library/widgets.py" line="35"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="55"/>
        <source>Library import</source>
        <translation>Bibliotheksimport</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="55"/>
        <source>Cancel the import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="57"/>
        <source>Library translation</source>
        <translation>Bibliotheksübersetzung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="57"/>
        <source>Cancel the library translation</source>
        <translation>Bibliotheksübersetzung abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="59"/>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="60"/>
        <source>Undo the deletion from the library</source>
        <translation>Das Löschen aus der Bibliothek rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="83"/>
        <location filename="../../desktop/ui/library/controller.py" line="137"/>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="86"/>
        <source>&amp;Search the Library</source>
        <translation>In der Bibliothek &amp;suchen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="89"/>
        <source>Follow &amp;Term Across Articles</source>
        <translation>Begriff in allen Artikeln &amp;verfolgen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="92"/>
        <source>Import &amp;Files into the Library…</source>
        <translation>&amp;Dateien in die Bibliothek importieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="95"/>
        <source>Import a F&amp;older…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="98"/>
        <source>Import a List of &amp;URLs…</source>
        <translation>&amp;URL-Liste importieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="100"/>
        <location filename="../../desktop/ui/library/controller.py" line="448"/>
        <location filename="../../desktop/ui/library/controller.py" line="538"/>
        <source>Translate the &amp;Library</source>
        <translation>Bibliothe&amp;k übersetzen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="102"/>
        <source>&amp;Undo Delete</source>
        <translation>Löschen &amp;rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="106"/>
        <source>Export Term &amp;Mentions (CSV)…</source>
        <translation>&amp;Erwähnungen des Begriffs exportieren (CSV)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="109"/>
        <source>Export Bilingual &amp;Digest of Selected Articles…</source>
        <translation>&amp;Zweisprachige Zusammenstellung der gewählten Artikel exportieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="127"/>
        <source>&amp;Import into Library</source>
        <translation>In die Bibliothek &amp;importieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="239"/>
        <source>Type in the search box to search every article.</source>
        <translation>Tippen Sie in das Suchfeld, um alle Artikel zu durchsuchen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="242"/>
        <source>Searching…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="253"/>
        <source>Opening from the library…</source>
        <translation>Wird aus der Bibliothek geöffnet…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="304"/>
        <source>%1 articles</source>
        <translation>%1 Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="322"/>
        <source>Deleted %1 articles from the library.</source>
        <translation>%1 Artikel aus der Bibliothek gelöscht.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="325"/>
        <source>Restored %1 articles.</source>
        <translation>%1 Artikel wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="338"/>
        <source>Import into the library</source>
        <translation>In die Bibliothek importieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="341"/>
        <source>Documents and URL lists (*.txt *.md *.markdown *.html *.htm *.docx *.pdf *.urls *.list);;All files (*)</source>
        <translation>Dokumente und URL-Listen (*.txt *.md *.markdown *.html *.htm *.docx *.pdf *.urls *.list);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="350"/>
        <source>Import a folder</source>
        <translation>Ordner importieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="358"/>
        <source>Import a list of URLs</source>
        <translation>URL-Liste importieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="360"/>
        <source>URL lists (*.txt *.urls *.list);;All files (*)</source>
        <translation>URL-Listen (*.txt *.urls *.list);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="368"/>
        <source>An import is running; wait for it or cancel it first.</source>
        <translation>Ein Import läuft; warten Sie ihn ab oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="370"/>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="377"/>
        <source>Stopping the import…</source>
        <translation>Import wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="385"/>
        <source>Importing %1/%2: %3</source>
        <translation>Import %1/%2: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="390"/>
        <source>Imported %1 items.</source>
        <translation>%1 Einträge importiert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="397"/>
        <source>Import: %1</source>
        <translation>Import: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="424"/>
        <source>Translating the library…</source>
        <translation>Bibliothek wird übersetzt…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="425"/>
        <source>Stop Translating the &amp;Library</source>
        <translation>Übersetzung der Bibliothe&amp;k anhalten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="437"/>
        <source>Library: %1/%2 sentences</source>
        <translation>Bibliothek: %1/%2 Sätze</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="444"/>
        <source>Library: waiting for this article</source>
        <translation>Bibliothek: wartet auf diesen Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="449"/>
        <source>Library translation: %1 sentences translated.</source>
        <translation>Bibliotheksübersetzung: %1 Sätze übersetzt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="451"/>
        <source>Stopped; it goes on from there next time.</source>
        <translation>Angehalten; beim nächsten Mal geht es dort weiter.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="483"/>
        <source>Choose a term first, then export its mentions.</source>
        <translation>Wählen Sie zuerst einen Begriff, dann können Sie seine Erwähnungen exportieren.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="493"/>
        <source>Export the term&apos;s mentions</source>
        <translation>Erwähnungen des Begriffs exportieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="495"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="506"/>
        <source>Select articles in the library first.</source>
        <translation>Wählen Sie zuerst Artikel in der Bibliothek aus.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="511"/>
        <source>Export a bilingual digest</source>
        <translation>Zweisprachige Zusammenstellung exportieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="513"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="520"/>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="535"/>
        <source>The import failed</source>
        <translation>Der Import ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="539"/>
        <source>Library translation: %1</source>
        <translation>Bibliotheksübersetzung: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="542"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/controller.py" line="545"/>
        <source>Not stored in the library: %1</source>
        <translation>Nicht in der Bibliothek gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="60"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="61"/>
        <source>Library panel</source>
        <translation>Bibliotheksleiste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="68"/>
        <source>Search all articles, German or English…</source>
        <translation>Alle Artikel durchsuchen, auf Deutsch oder Englisch…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="70"/>
        <source>Library search</source>
        <translation>Bibliothekssuche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="76"/>
        <source>Site filter</source>
        <translation>Website-Filter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="77"/>
        <source>All sites</source>
        <translation>Alle Websites</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="79"/>
        <source>Tag filter</source>
        <translation>Schlagwortfilter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="80"/>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="87"/>
        <source>Term…</source>
        <translation>Begriff…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="89"/>
        <source>Term filter</source>
        <translation>Begriffsfilter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="90"/>
        <source>from any date</source>
        <translation>von: beliebig</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="90"/>
        <source>From date</source>
        <translation>Anfangsdatum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="91"/>
        <source>to any date</source>
        <translation>bis: beliebig</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="91"/>
        <source>To date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="98"/>
        <source>Articles listed</source>
        <translation>Aufgeführte Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="106"/>
        <source>Library views</source>
        <translation>Bibliotheksansichten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="110"/>
        <source>Library articles</source>
        <translation>Artikel der Bibliothek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="144"/>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="145"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="146"/>
        <source>Term</source>
        <translation>Begriff</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="151"/>
        <source>Delete from Library</source>
        <translation>Aus der Bibliothek löschen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="153"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="154"/>
        <source>Mark Read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="156"/>
        <source>Mark Unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="158"/>
        <source>Edit Tags</source>
        <translation>Schlagwörter bearbeiten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="160"/>
        <source>Export Bilingual Digest…</source>
        <translation>Zweisprachige Zusammenstellung exportieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/dock.py" line="267"/>
        <source>%1 articles</source>
        <translation>%1 Artikel</translation>
    </message>
</context>
<context>
    <name>LookupController</name>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="265"/>
        <source>Dictionary index</source>
        <translation>Wörterbuchindex</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="386"/>
        <source>Building the dictionary index (once)… %1%</source>
        <translation>Der Wörterbuchindex wird erstellt (einmalig)… %1 %</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="390"/>
        <source>Looking up…</source>
        <translation>Wird nachgeschlagen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="409"/>
        <source>Building the dictionary index… %1%</source>
        <translation>Wörterbuchindex wird erstellt… %1 %</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="420"/>
        <source>Dictionary index ready.</source>
        <translation>Wörterbuchindex bereit.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="437"/>
        <source>Install a dictionary</source>
        <translation>Wörterbuch installieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="439"/>
        <source>Ding dictionary files (de-en* *.txt);;All files (*)</source>
        <translation>Ding-Wörterbuchdateien (de-en* *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="444"/>
        <source>Installing the dictionary…</source>
        <translation>Wörterbuch wird installiert…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="454"/>
        <source>Dictionary installed: %1 entries.</source>
        <translation>Wörterbuch installiert: %1 Einträge.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="468"/>
        <source>Dictionary</source>
        <translation>Wörterbuch</translation>
    </message>
</context>
<context>
    <name>LookupPopup</name>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="150"/>
        <source>Dictionary lookup</source>
        <translation>Wörterbuch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="167"/>
        <source>Close the lookup</source>
        <translation>Nachschlagen schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="174"/>
        <source>Dictionary entries</source>
        <translation>Wörterbucheinträge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="179"/>
        <source>Install from file…</source>
        <translation>Aus Datei installieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="180"/>
        <source>Install a dictionary from a file</source>
        <translation>Ein Wörterbuch aus einer Datei installieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="67"/>
        <source>No German–English dictionary is installed. Install the Debian package trans-de-en (sudo apt install trans-de-en), or choose Tools → Dictionary → Install from file… and pick a Ding file (de-en.txt).</source>
        <translation>Kein Deutsch–Englisch-Wörterbuch installiert. Installieren Sie das Debian-Paket trans-de-en (sudo apt install trans-de-en) oder wählen Sie Werkzeuge → Wörterbuch → Aus Datei installieren… und eine Ding-Datei (de-en.txt).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="83"/>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="101"/>
        <source>%1 more in the dictionary</source>
        <translation>%1 weitere im Wörterbuch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="106"/>
        <source>%1 is not listed as a whole; its parts:</source>
        <translation>%1 steht nicht als Ganzes im Wörterbuch; die Teile:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="122"/>
        <source>No entry for “%1”.</source>
        <translation>Kein Eintrag für „%1“.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="532"/>
        <location filename="../../desktop/ui/lookup_popup.py" line="555"/>
        <source>Index: %1</source>
        <translation>Index: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="536"/>
        <source>installed copy</source>
        <translation>installierte Kopie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="538"/>
        <source>system file</source>
        <translation>Systemdatei</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="544"/>
        <source>Dictionary: %1 entries.</source>
        <translation>Wörterbuch: %1 Einträge.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="549"/>
        <source>Dictionary: the index is not built yet.</source>
        <translation>Wörterbuch: Der Index ist noch nicht erstellt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="551"/>
        <source>File: %1 (%2)</source>
        <translation>Datei: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="558"/>
        <source>The index is %1; the next lookup rebuilds it.</source>
        <translation>Der Index ist nicht lesbar: %1; das nächste Nachschlagen erstellt ihn neu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="564"/>
        <source>The first lookup builds it (once; it takes a while).</source>
        <translation>Das erste Nachschlagen erstellt ihn (einmalig; das dauert eine Weile).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="569"/>
        <source>Index size: %1, built %2</source>
        <translation>Indexgröße: %1, erstellt %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lookup_popup.py" line="575"/>
        <source>The file changed: the next lookup rebuilds the index.</source>
        <translation>Die Datei hat sich geändert: Das nächste Nachschlagen erstellt den Index neu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="98"/>
        <source>Glossary panel</source>
        <translation>Glossarleiste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="115"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="121"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="124"/>
        <source>Translation progress</source>
        <translation>Übersetzungsfortschritt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="126"/>
        <source>Sentences translated</source>
        <translation>Übersetzte Sätze</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="130"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131"/>
        <source>Cancel translation</source>
        <translation>Übersetzung abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="136"/>
        <source>Page download</source>
        <translation>Seiten-Download</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="139"/>
        <source>Stop download</source>
        <translation>Download stoppen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="140"/>
        <source>Stop the page download</source>
        <translation>Download der Seite stoppen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="148"/>
        <source>Web page extraction</source>
        <translation>Textextraktion der Webseite</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="187"/>
        <source>Download cancelled.</source>
        <translation>Download abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="196"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="201"/>
        <source>Pasted text</source>
        <translation>Eingefügter Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="206"/>
        <source>Fetching %1…</source>
        <translation>%1 wird abgerufen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="237"/>
        <source>Pasted web page</source>
        <translation>Eingefügte Webseite</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="246"/>
        <source>Fetching the page… %1 kB</source>
        <translation>Seite wird abgerufen… %1 kB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="255"/>
        <source>Download stopped; the shown document stays.</source>
        <translation>Download gestoppt; das angezeigte Dokument bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="267"/>
        <source>Cannot open the document</source>
        <translation>Das Dokument kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="300"/>
        <source>Looking for glossary terms…</source>
        <translation>Glossarbegriffe werden gesucht…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="302"/>
        <source>%1 sentences</source>
        <translation>%1 Sätze</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="309"/>
        <source>Text: %1</source>
        <translation>Text: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="318"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="348"/>
        <source>Translation cancelled: %1 of %2 sentences.</source>
        <translation>Übersetzung abgebrochen: %1 von %2 Sätzen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="393"/>
        <source>Translated %1/%2 sentences · %3 words/s</source>
        <translation>%1/%2 Sätze übersetzt · %3 Wörter/s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="410"/>
        <source>No translation model installed.</source>
        <translation>Kein Übersetzungsmodell installiert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="418"/>
        <source>Translated %1/%2 sentences.</source>
        <translation>%1/%2 Sätze übersetzt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="575"/>
        <source>Dropped web page</source>
        <translation>Abgelegte Webseite</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="413"/>
        <source>Translation failed: %1</source>
        <translation>Übersetzung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="431"/>
        <source>The glossary is unavailable: %1</source>
        <translation>Das Glossar ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="437"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="505"/>
        <source>from the dictionary</source>
        <translation>aus dem Wörterbuch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="523"/>
        <location filename="../../desktop/ui/main_window.py" line="541"/>
        <source>Could not save the glossary</source>
        <translation>Das Glossar konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="525"/>
        <location filename="../../desktop/ui/main_window.py" line="543"/>
        <source>Added “%1” to your glossary.</source>
        <translation>„%1“ wurde Ihrem Glossar hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_parts.py" line="29"/>
        <source>Downloading from the Argos index…</source>
        <translation>Download aus dem Argos-Index…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_parts.py" line="36"/>
        <source>Install model</source>
        <translation>Modell installieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_parts.py" line="37"/>
        <source>Argos packages (*.argosmodel)</source>
        <translation>Argos-Pakete (*.argosmodel)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_parts.py" line="41"/>
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
        <location filename="../../desktop/ui/models_dialog.py" line="29"/>
        <source>Translation models</source>
        <translation>Übersetzungsmodelle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="33"/>
        <source>Installed models</source>
        <translation>Installierte Modelle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="35"/>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="35"/>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="35"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="35"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="46"/>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="50"/>
        <source>Install from file…</source>
        <translation>Aus Datei installieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="51"/>
        <source>Download German → English</source>
        <translation>Deutsch → Englisch herunterladen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="52"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="53"/>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="78"/>
        <source>Download cancelled.</source>
        <translation>Download abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="84"/>
        <source>Reading installed models…</source>
        <translation>Installierte Modelle werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="99"/>
        <source>Installed models: %1</source>
        <translation>Installierte Modelle: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="112"/>
        <source>Install model</source>
        <translation>Modell installieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="112"/>
        <source>Argos packages (*.argosmodel)</source>
        <translation>Argos-Pakete (*.argosmodel)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="115"/>
        <source>Installing…</source>
        <translation>Wird installiert…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="119"/>
        <source>Downloading from the Argos index…</source>
        <translation>Download aus dem Argos-Index…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="125"/>
        <source>Select a model to remove.</source>
        <translation>Wählen Sie ein Modell zum Entfernen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="130"/>
        <source>Remove the model %1?</source>
        <translation>Das Modell %1 entfernen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models_dialog.py" line="133"/>
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
        <location filename="../../desktop/ui/no_model_panel.py" line="47"/>
        <source>Lagebild translates offline with an Argos Translate package. Download the German → English package from the Argos index (about 100 MB, once), or install an .argosmodel file you already have. The German text and the glossary work fully meanwhile.</source>
        <translation>Lagebild übersetzt offline mit einem Argos-Translate-Paket. Laden Sie das Paket Deutsch → Englisch aus dem Argos-Index herunter (etwa 100 MB, einmalig) oder installieren Sie eine vorhandene .argosmodel-Datei. Der deutsche Text und das Glossar funktionieren währenddessen vollständig.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="61"/>
        <source>Download from the Argos index</source>
        <translation>Aus dem Argos-Index herunterladen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="62"/>
        <source>Download model from the Argos index</source>
        <translation>Modell aus dem Argos-Index herunterladen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="63"/>
        <source>Install from file…</source>
        <translation>Aus Datei installieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="64"/>
        <source>Install model from file</source>
        <translation>Modell aus Datei installieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="70"/>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="72"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="73"/>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/no_model_panel.py" line="96"/>
        <source>From the command line: %1</source>
        <translation>Auf der Kommandozeile: %1</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="158"/>
        <source>Paste as new document</source>
        <translation>Als neues Dokument einfügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="162"/>
        <source>Text to open</source>
        <translation>Zu öffnender Text</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../desktop/ui/reading_view.py" line="47"/>
        <source>German text</source>
        <translation>Deutscher Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading_view.py" line="49"/>
        <source>English translation</source>
        <translation>Englische Übersetzung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading_view.py" line="60"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading_view.py" line="62"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading_view.py" line="84"/>
        <source>Article details</source>
        <translation>Artikeldetails</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../desktop/ui/library/search_view.py" line="33"/>
        <source>Library search results</source>
        <translation>Suchergebnisse der Bibliothek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/search_view.py" line="43"/>
        <source>Type in the search box to search every article.</source>
        <translation>Tippen Sie in das Suchfeld, um alle Artikel zu durchsuchen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/search_view.py" line="54"/>
        <source>Nothing found for “%1”.</source>
        <translation>Keine Treffer für „%1“.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/search_view.py" line="58"/>
        <source>%1 sentences found for “%2”</source>
        <translation>%1 Sätze für „%2“ gefunden</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="182"/>
        <location filename="../../desktop/ui/dialogs.py" line="186"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>TermEditorDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="71"/>
        <source>Add to glossary</source>
        <translation>Zum Glossar hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="75"/>
        <source>German term</source>
        <translation>Deutscher Begriff</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="77"/>
        <source>English rendering</source>
        <translation>Englische Entsprechung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="79"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="84"/>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="87"/>
        <source>(no context)</source>
        <translation>(kein Kontext)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="91"/>
        <source>&amp;German term:</source>
        <translation>&amp;Deutscher Begriff:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="92"/>
        <source>&amp;English rendering:</source>
        <translation>&amp;Englische Entsprechung:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="93"/>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="94"/>
        <source>&amp;Definition:</source>
        <translation>De&amp;finition:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="95"/>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="115"/>
        <source>Please fill in the German term and its English rendering.</source>
        <translation>Bitte den deutschen Begriff und seine englische Entsprechung ausfüllen.</translation>
    </message>
</context>
<context>
    <name>TermView</name>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="45"/>
        <source>A term: Eurofighter, Bundeswehr, Rakete…</source>
        <translation>Ein Begriff: Eurofighter, Bundeswehr, Rakete…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="47"/>
        <source>Term to follow</source>
        <translation>Zu verfolgender Begriff</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="49"/>
        <source>Timeline period</source>
        <translation>Intervall der Zeitleiste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="50"/>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="51"/>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="52"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="53"/>
        <source>Show the term</source>
        <translation>Begriff anzeigen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="54"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="55"/>
        <source>Export the term&apos;s mentions as CSV</source>
        <translation>Erwähnungen des Begriffs als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="56"/>
        <source>Export every mention of the term as CSV</source>
        <translation>Alle Erwähnungen des Begriffs als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="66"/>
        <source>Term summary</source>
        <translation>Zusammenfassung zum Begriff</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="73"/>
        <source>Articles mentioning the term</source>
        <translation>Artikel, die den Begriff erwähnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="74"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="74"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="74"/>
        <location filename="../../desktop/ui/library/term_view.py" line="81"/>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="79"/>
        <source>Terms mentioned with it</source>
        <translation>Zusammen erwähnte Begriffe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="81"/>
        <source>Mentioned with</source>
        <translation>Erwähnt mit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="81"/>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="94"/>
        <source>Follow a term across the library: type it, or select it in the glossary.</source>
        <translation>Einen Begriff durch die Bibliothek verfolgen: Geben Sie ihn ein oder wählen Sie ihn im Glossar aus.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="131"/>
        <source>Looking for “%1”…</source>
        <translation>„%1“ wird gesucht…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="149"/>
        <source>“%1” is not mentioned in any article of the library.</source>
        <translation>„%1“ wird in keinem Artikel der Bibliothek erwähnt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="157"/>
        <source>%1: %2 mentions in %3 articles, first %4, last %5.</source>
        <translation>%1: %2 Erwähnungen in %3 Artikeln, zuerst %4, zuletzt %5.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/term_view.py" line="164"/>
        <source>Also: %1</source>
        <translation>Siehe auch: %1</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <location filename="../../desktop/ui/library/chart.py" line="42"/>
        <source>Term timeline</source>
        <translation>Zeitleiste des Begriffs</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/chart.py" line="46"/>
        <source>Choose a term to see when it was mentioned.</source>
        <translation>Wählen Sie einen Begriff, um zu sehen, wann er erwähnt wurde.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/chart.py" line="63"/>
        <source>Mentions per period</source>
        <translation>Erwähnungen pro Zeitraum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/chart.py" line="68"/>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
</context>
</TS>
