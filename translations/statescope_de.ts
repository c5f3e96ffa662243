<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>StateScope::AlertsModel</name>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Notfall</translation>
    </message>
    <message>
        <source>Stuck execution</source>
        <translation>Hängende Ausführung</translation>
    </message>
    <message>
        <source>Consistency violation</source>
        <translation>Konsistenzverletzung</translation>
    </message>
    <message>
        <source>Corrupted checkpoint</source>
        <translation>Beschädigter Checkpoint</translation>
    </message>
    <message>
        <source>Failed recovery</source>
        <translation>Fehlgeschlagene Wiederherstellung</translation>
    </message>
    <message>
        <source>Double-click to show execution %1</source>
        <translation>Doppelklicken, um die Ausführung %1 anzuzeigen</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>StateScope::AnalyticsView</name>
    <message>
        <source>Dwell</source>
        <translation>Verweildauer</translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation>Engpässe</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>Conformance</source>
        <translation>Konformität</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Prognosen</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Show execution %1</source>
        <translation>Ausführung %1 anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Running executions, longest in their state first (%1 listed). Double-click one to show it.</source>
        <translation>Laufende Ausführungen, die am längsten im selben Zustand verweilenden zuerst (%1 aufgeführt). Doppelklick zeigt eine an.</translation>
    </message>
    <message>
        <source>Running executions in %1 (%2 of %3 listed)</source>
        <translation>Laufende Ausführungen in %1 (%2 von %3 aufgeführt)</translation>
    </message>
    <message>
        <source>Distinct paths through the workflow: %1, among %2 finished executions.</source>
        <translation>Verschiedene Pfade durch den Workflow: %1, bei %2 beendeten Ausführungen.</translation>
    </message>
    <message>
        <source>The %1 most frequent are listed.</source>
        <translation>Die %1 häufigsten sind aufgeführt.</translation>
    </message>
    <message>
        <source>Variants (%1)</source>
        <translation>Varianten (%1)</translation>
    </message>
    <message>
        <source>the definition</source>
        <translation>die Definition</translation>
    </message>
    <message>
        <source>Conformance to %1: %2 of %3 executions made no invalid transition. Kinds of invalid transition seen: %4.</source>
        <translation>Konformität zu %1: %2 von %3 Ausführungen ohne unzulässigen Übergang. Beobachtete Arten unzulässiger Übergänge: %4.</translation>
    </message>
    <message>
        <source>No state machine definition is known for this selection, so transitions are not checked; trapped states below come from the observed transitions.</source>
        <translation>Für diese Auswahl ist keine Zustandsautomaten-Definition bekannt, daher werden die Übergänge nicht geprüft; die Fallenzustände unten ergeben sich aus den beobachteten Übergängen.</translation>
    </message>
    <message>
        <source>Conformance (%1)</source>
        <translation>Konformität (%1)</translation>
    </message>
    <message>
        <source>Running executions: %1. By state: where they go next, how they end and how long that takes. Select states to list only their executions below.</source>
        <translation>Laufende Ausführungen: %1. Je Zustand: wohin sie als Nächstes gehen, wie sie enden und wie lange das dauert. Zustände auswählen, um unten nur deren Ausführungen aufzuführen.</translation>
    </message>
    <message>
        <source>Predictions (%1)</source>
        <translation>Prognosen (%1)</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>Keine Alarme.</translation>
    </message>
    <message>
        <source>Alerts: %1 (%2).</source>
        <translation>Alarme: %1 (%2).</translation>
    </message>
    <message>
        <source>%1 more are not listed.</source>
        <translation>%1 weitere sind nicht aufgeführt.</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alarme (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>alert severity: how many</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Analytics sections</source>
        <translation>Analysebereiche</translation>
    </message>
</context>
<context>
    <name>StateScope::BottleneckChart</name>
    <message>
        <source>Bottlenecks</source>
        <translation>Engpässe</translation>
    </message>
    <message>
        <source>Share of the time spent in non-terminal states (%)</source>
        <translation>Anteil der Zeit in Nicht-Endzuständen (%)</translation>
    </message>
    <message>
        <source>bottleneck threshold</source>
        <translation>Engpass-Schwelle</translation>
    </message>
    <message>
        <source>%1 (bottleneck)</source>
        <translation>%1 (Engpass)</translation>
    </message>
    <message>
        <source>%1
%2 of the time in non-terminal states
mean stay %3
severity %4 (standard deviations above the mean of state means)</source>
        <translation>%1
%2 der Zeit in Nicht-Endzuständen
mittlerer Aufenthalt %3
Schweregrad %4 (Standardabweichungen über dem Mittel der Zustandsmittelwerte)</translation>
    </message>
    <message>
        <source>Bottleneck: at least twice its fair share of the time</source>
        <translation>Engpass: mindestens das Doppelte seines gleichmäßigen Zeitanteils</translation>
    </message>
    <message>
        <source>No completed stays in non-terminal states yet</source>
        <translation>Noch keine abgeschlossenen Aufenthalte in Nicht-Endzuständen</translation>
    </message>
    <message>
        <source>Where the time goes: the %1 largest of %2 states</source>
        <translation>Wohin die Zeit geht: die %1 größten von %2 Zuständen</translation>
    </message>
    <message>
        <source>Where the time goes</source>
        <translation>Wohin die Zeit geht</translation>
    </message>
    <message>
        <source>dashed line: bottleneck threshold %1 (twice the fair share)</source>
        <translation>gestrichelte Linie: Engpass-Schwelle %1 (doppelter gleichmäßiger Anteil)</translation>
    </message>
</context>
<context>
    <name>StateScope::CheckpointsModel</name>
    <message>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <source>corrupted</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>unverifiable</source>
        <translation>nicht prüfbar</translation>
    </message>
    <message>
        <source>Checkpoint %1</source>
        <translation>Checkpoint %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Recoverable</source>
        <translation>Wiederherstellbar</translation>
    </message>
</context>
<context>
    <name>StateScope::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Befehl eingeben…</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Type part of a command&apos;s name; Enter runs the first match</source>
        <translation>Einen Teil des Befehlsnamens eingeben; die Eingabetaste führt den ersten Treffer aus</translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation>Passende Befehle</translation>
    </message>
    <message>
        <source> (on)</source>
        <translation> (an)</translation>
    </message>
    <message>
        <source> (off)</source>
        <translation> (aus)</translation>
    </message>
</context>
<context>
    <name>StateScope::ConformanceModel</name>
    <message>
        <source>Invalid transition</source>
        <translation>Unzulässiger Übergang</translation>
    </message>
    <message>
        <source>Unreachable state</source>
        <translation>Unerreichbarer Zustand</translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation>Verklemmung</translation>
    </message>
    <message>
        <source>Trapped state</source>
        <translation>Fallenzustand</translation>
    </message>
    <message>
        <source>Non-deterministic</source>
        <translation>Nichtdeterministisch</translation>
    </message>
    <message>
        <source>Missing error handling</source>
        <translation>Fehlende Fehlerbehandlung</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>not reachable from the initial state</source>
        <translation>vom Anfangszustand aus nicht erreichbar</translation>
    </message>
    <message>
        <source>not final, and no transition leaves it</source>
        <translation>kein Endzustand, und kein Übergang führt hinaus</translation>
    </message>
    <message>
        <source>no path from it reaches a final state</source>
        <translation>kein Pfad von hier erreicht einen Endzustand</translation>
    </message>
    <message>
        <source>without an event</source>
        <translation>ohne Ereignis</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>%1 goes to %2</source>
        <translation>%1 führt zu %2</translation>
    </message>
    <message>
        <source>a task without an error transition</source>
        <translation>eine Aufgabe ohne Fehlerübergang</translation>
    </message>
    <message>
        <source>%1, seen %2 times. Example executions (double-click shows the first):</source>
        <translation>%1, %2-mal beobachtet. Beispielausführungen (Doppelklick zeigt die erste):</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Transition / state</source>
        <translation>Übergang / Zustand</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>StateScope::ConnectionDialog</name>
    <message>
        <source>Remember the token in the system keychain</source>
        <translation>Token im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>Connect to Feed</source>
        <translation>Mit Feed verbinden</translation>
    </message>
    <message>
        <source>Engine Recovery API</source>
        <translation>Engine-API für Wiederherstellungen</translation>
    </message>
    <message>
        <source>Feed URL</source>
        <translation>Feed-URL</translation>
    </message>
    <message>
        <source>Engine API URL</source>
        <translation>URL der Engine-API</translation>
    </message>
    <message>
        <source>ws://HOST:PORT/PATH or wss://HOST:PORT/PATH of a statescope-feed/1 server</source>
        <translation>ws://HOST:PORT/PFAD oder wss://HOST:PORT/PFAD eines statescope-feed/1-Servers</translation>
    </message>
    <message>
        <source>https://HOST:PORT of the engine whose recovery endpoint (/api/v1/workflow-state-analytics/states/ID/recover) applies recoveries; http:// only on this machine</source>
        <translation>https://HOST:PORT der Engine, deren Wiederherstellungs-Endpunkt (/api/v1/workflow-state-analytics/states/ID/recover) die Wiederherstellungen ausführt; http:// nur auf diesem Rechner</translation>
    </message>
    <message>
        <source>only for wss:// servers with a private CA</source>
        <translation>nur für wss://-Server mit eigener CA</translation>
    </message>
    <message>
        <source>only for https:// servers with a private CA</source>
        <translation>nur für https://-Server mit eigener CA</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Feed &amp;URL:</source>
        <translation>Feed-&amp;URL:</translation>
    </message>
    <message>
        <source>API base &amp;URL:</source>
        <translation>Basis-&amp;URL der API:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Bearer &amp;token:</source>
        <translation>Bearer-&amp;Token:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Use for Recoveries</source>
        <translation>Für Wiederherstellungen verwenden</translation>
    </message>
    <message>
        <source>Enter the feed&apos;s URL.</source>
        <translation>Die URL des Feeds eingeben.</translation>
    </message>
    <message>
        <source>Enter the engine API&apos;s base URL.</source>
        <translation>Die Basis-URL der Engine-API eingeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL.</source>
        <translation>„%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>A feed URL starts with ws:// or wss://, not %1://.</source>
        <translation>Eine Feed-URL beginnt mit ws:// oder wss://, nicht mit %1://.</translation>
    </message>
    <message>
        <source>An engine API URL starts with https://, not %1://.</source>
        <translation>Eine URL der Engine-API beginnt mit https://, nicht mit %1://.</translation>
    </message>
    <message>
        <source>The URL names no host.</source>
        <translation>Die URL nennt keinen Host.</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only on this machine; use https:// for %1.</source>
        <translation>Unverschlüsseltes http:// ist nur auf diesem Rechner erlaubt; für %1 https:// verwenden.</translation>
    </message>
    <message>
        <source>Put the token in the token field, not in the URL: URLs end up in settings and logs.</source>
        <translation>Den Token in das Token-Feld eintragen, nicht in die URL: URLs landen in Einstellungen und Protokollen.</translation>
    </message>
</context>
<context>
    <name>StateScope::ConsistencyView</name>
    <message>
        <source>No consistency samples in this source.
The gauges fill in when a state_consistency table or a feed reports replica health.</source>
        <translation>Keine Konsistenz-Stichproben in dieser Quelle.
Die Anzeigen füllen sich, sobald eine state_consistency-Tabelle oder ein Feed den Zustand der Replikate meldet.</translation>
    </message>
    <message>
        <source>Workflow:</source>
        <translation>Workflow:</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Replica set</source>
        <translation>Replikatgruppe</translation>
    </message>
    <message>
        <source>Latest sample health</source>
        <translation>Zustand der letzten Stichprobe</translation>
    </message>
    <message>
        <source>Replica nodes</source>
        <translation>Replikatknoten</translation>
    </message>
    <message>
        <source>Divergence</source>
        <translation>Abweichungen</translation>
    </message>
    <message>
        <source>Replica nodes (latest sample)</source>
        <translation>Replikatknoten (letzte Stichprobe)</translation>
    </message>
    <message>
        <source>Consistency score (%)</source>
        <translation>Konsistenzwert (%)</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>Conflicts (latest sample)</source>
        <translation>Konflikte (letzte Stichprobe)</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 Stichprobe</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 Stichproben</translation>
    </message>
    <message>
        <source>level %1 · replication factor %2 · quorum %3 · %4</source>
        <translation>Stufe %1 · Replikationsfaktor %2 · Quorum %3 · %4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source> · latest %1</source>
        <translation> · letzte Stichprobe %1</translation>
    </message>
    <message>
        <source>Violating</source>
        <translation>Verletzt</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>In sync (quorum %1)</source>
        <translation>Synchron (Quorum %1)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Max lag (limit %1)</source>
        <translation>Max. Verzögerung (Grenze %1)</translation>
    </message>
    <message>
        <source>Divergence (1 line)</source>
        <translation>Abweichungen (1 Zeile)</translation>
    </message>
    <message>
        <source>Divergence (%1 lines)</source>
        <translation>Abweichungen (%1 Zeilen)</translation>
    </message>
    <message>
        <source>No divergence in the latest sample.</source>
        <translation>Keine Abweichungen in der letzten Stichprobe.</translation>
    </message>
</context>
<context>
    <name>StateScope::CsvMappingDialog</name>
    <message>
        <source>Columns of %1</source>
        <translation>Spalten von %1</translation>
    </message>
    <message>
        <source>StateScope could not tell which columns hold the case id, the state and the time:
%1
Choose them; each row then says that its case entered that state at that time.</source>
        <translation>StateScope konnte nicht erkennen, welche Spalten die Fall-ID, den Zustand und die Zeit enthalten:
%1
Bitte auswählen; jede Zeile besagt dann, dass ihr Fall zu dieser Zeit in diesen Zustand eingetreten ist.</translation>
    </message>
    <message>
        <source>&amp;Case id:</source>
        <translation>&amp;Fall-ID:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Zustand:</translation>
    </message>
    <message>
        <source>&amp;Timestamp:</source>
        <translation>Zeits&amp;tempel:</translation>
    </message>
    <message>
        <source>Case id column</source>
        <translation>Spalte der Fall-ID</translation>
    </message>
    <message>
        <source>State column</source>
        <translation>Spalte des Zustands</translation>
    </message>
    <message>
        <source>Timestamp column</source>
        <translation>Spalte des Zeitstempels</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(Spalte auswählen)</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Choose a column for each.</source>
        <translation>Für jedes Feld eine Spalte auswählen.</translation>
    </message>
    <message>
        <source>A column can serve one role only.</source>
        <translation>Eine Spalte kann nur eine Rolle übernehmen.</translation>
    </message>
</context>
<context>
    <name>StateScope::DashboardSession</name>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>unreachable since %1 (%2); showing data as of %3; retrying in %4 s</source>
        <translation>nicht erreichbar seit %1 (%2); Daten mit Stand %3; neuer Versuch in %4 s</translation>
    </message>
    <message>
        <source>the load</source>
        <translation>zum Ladezeitpunkt</translation>
    </message>
    <message>
        <source>%1; changed since: Reload (F5) shows the new data</source>
        <translation>%1; seitdem geändert: Neu laden (F5) zeigt die neuen Daten</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>loaded, %n unreadable records skipped</source>
        <translation>
            <numerusform>geladen, %n unlesbarer Datensatz übersprungen</numerusform>
            <numerusform>geladen, %n unlesbare Datensätze übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source> (%1 only)</source>
        <translation> (nur %1)</translation>
    </message>
    <message numerus="yes">
        <source>Loaded; %n unreadable records skipped</source>
        <translation>
            <numerusform>Geladen; %n unlesbarer Datensatz übersprungen</numerusform>
            <numerusform>Geladen; %n unlesbare Datensätze übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation>geschlossen: %1</translation>
    </message>
    <message>
        <source>gap after event %1: %2 events the server no longer holds</source>
        <translation>Lücke nach Ereignis %1: Der Server hält %2 Ereignisse nicht mehr vor</translation>
    </message>
    <message>
        <source>some</source>
        <translation>einige</translation>
    </message>
</context>
<context>
    <name>StateScope::DemoEngine</name>
    <message>
        <source>no temporary directory for the demo database</source>
        <translation>kein temporäres Verzeichnis für die Demo-Datenbank</translation>
    </message>
</context>
<context>
    <name>StateScope::DemoEngineWorker</name>
    <message>
        <source>demo database: %1</source>
        <translation>Demo-Datenbank: %1</translation>
    </message>
    <message>
        <source>demo feed: %1</source>
        <translation>Demo-Feed: %1</translation>
    </message>
    <message>
        <source>demo recovery API: %1</source>
        <translation>Demo-API für Wiederherstellungen: %1</translation>
    </message>
</context>
<context>
    <name>StateScope::ExecutionsModel</name>
    <message>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>In state since</source>
        <translation>Im Zustand seit</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Übergänge</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>StateScope::GaugeWidget</name>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
</context>
<context>
    <name>StateScope::MainWindow</name>
    <message>
        <source>StateScope</source>
        <translation>StateScope</translation>
    </message>
    <message>
        <source>No source open. Open a database or event log (Ctrl+O), connect a live feed (Ctrl+Shift+O), or start with: statescope --demo</source>
        <translation>Keine Quelle geöffnet. Eine Datenbank oder ein Ereignisprotokoll öffnen (Strg+O), einen Live-Feed verbinden (Strg+Umschalt+O) oder so starten: statescope --demo</translation>
    </message>
    <message>
        <source>Report summary</source>
        <translation>Berichtszusammenfassung</translation>
    </message>
    <message>
        <source>State diagram</source>
        <translation>Zustandsdiagramm</translation>
    </message>
    <message numerus="yes">
        <source>%Ln executions</source>
        <translation>
            <numerusform>%Ln Ausführung</numerusform>
            <numerusform>%Ln Ausführungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln transitions</source>
        <translation>
            <numerusform>%Ln Übergang</numerusform>
            <numerusform>%Ln Übergänge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln states</source>
        <translation>
            <numerusform>%Ln Zustand</numerusform>
            <numerusform>%Ln Zustände</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln running</source>
        <translation>
            <numerusform>%Ln läuft</numerusform>
            <numerusform>%Ln laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln alerts</source>
        <translation>
            <numerusform>%Ln Alarm</numerusform>
            <numerusform>%Ln Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1: %2 rows</source>
        <translation>%1 wird gelesen: %2 Zeilen</translation>
    </message>
    <message>
        <source>Could not open the source: %1</source>
        <translation>Die Quelle konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Database or Log…</source>
        <translation>Datenbank oder Log ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Open a SQLite state database, a postgresql:// URL or a JSONL event log (Ctrl+O)</source>
        <translation>Eine SQLite-Zustandsdatenbank, eine postgresql://-URL oder ein JSONL-Ereignisprotokoll öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>&amp;Connect to Feed…</source>
        <translation>Mit Feed &amp;verbinden…</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Connect to a live statescope-feed/1 server (Ctrl+Shift+O)</source>
        <translation>Mit einem statescope-feed/1-Live-Server verbinden (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>Attach &amp;Definition…</source>
        <translation>&amp;Definition anhängen…</translation>
    </message>
    <message>
        <source>Check the data against a state machine definition (Amazon States Language or the state_machines form)</source>
        <translation>Die Daten gegen eine Zustandsautomaten-Definition prüfen (Amazon States Language oder die state_machines-Form)</translation>
    </message>
    <message>
        <source>&amp;Engine Recovery API…</source>
        <translation>&amp;Engine-API für Wiederherstellungen…</translation>
    </message>
    <message>
        <source>Send recoveries to the engine&apos;s REST API instead of writing the database</source>
        <translation>Wiederherstellungen an die REST-API der Engine senden, statt in die Datenbank zu schreiben</translation>
    </message>
    <message>
        <source>Load the open database or event log again, with what changed since (F5)</source>
        <translation>Die geöffnete Datenbank oder das Ereignisprotokoll samt allen Änderungen erneut laden (F5)</translation>
    </message>
    <message>
        <source>Stop every live feed; the data received so far stays</source>
        <translation>Alle Live-Feeds beenden; die bisher empfangenen Daten bleiben erhalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Stop every feed and drop the data of every source (Ctrl+W)</source>
        <translation>Alle Feeds beenden und die Daten aller Quellen verwerfen (Strg+W)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Transition matrix</source>
        <translation>Übergangsmatrix</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>The demo engine could not start: %1</source>
        <translation>Die Demo-Engine konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Starting the demo engine…</source>
        <translation>Demo-Engine wird gestartet…</translation>
    </message>
    <message>
        <source>Open State Database or Event Log</source>
        <translation>Zustandsdatenbank oder Ereignisprotokoll öffnen</translation>
    </message>
    <message>
        <source>State data (*.sqlite *.sqlite3 *.db *.jsonl *.jsonl.gz *.csv *.xes *.xes.gz);;All files (*)</source>
        <translation>Zustandsdaten (*.sqlite *.sqlite3 *.db *.jsonl *.jsonl.gz *.csv *.xes *.xes.gz);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Definition %1 attached; it has %n structural errors (Analytics, validation)</source>
        <translation>
            <numerusform>Definition %1 angehängt; sie hat %n Strukturfehler (Analysen, Validierung)</numerusform>
            <numerusform>Definition %1 angehängt; sie hat %n Strukturfehler (Analysen, Validierung)</numerusform>
        </translation>
    </message>
    <message>
        <source>Definition %1 attached</source>
        <translation>Definition %1 angehängt</translation>
    </message>
    <message>
        <source>Attach State Machine Definition</source>
        <translation>Zustandsautomaten-Definition anhängen</translation>
    </message>
    <message>
        <source>Definitions (*.asl.json *.json);;All files (*)</source>
        <translation>Definitionen (*.asl.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Attach Definition</source>
        <translation>Definition anhängen</translation>
    </message>
    <message>
        <source>Recoveries now go to the engine at %1</source>
        <translation>Wiederherstellungen gehen jetzt an die Engine unter %1</translation>
    </message>
    <message>
        <source>Execution %1: %2</source>
        <translation>Ausführung %1: %2</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 Ereignisse/s</translation>
    </message>
    <message>
        <source>Source unreachable, reconnecting</source>
        <translation>Quelle nicht erreichbar, Verbindung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>data is stale: last confirmed %1 s ago</source>
        <translation>Daten veraltet: zuletzt vor %1 s bestätigt</translation>
    </message>
    <message>
        <source>data is %1 s old</source>
        <translation>Daten sind %1 s alt</translation>
    </message>
    <message>
        <source>State Diagram</source>
        <translation>Zustandsdiagramm</translation>
    </message>
    <message>
        <source>Transition Matrix</source>
        <translation>Übergangsmatrix</translation>
    </message>
    <message>
        <source>%1 as Image…</source>
        <translation>%1 als Bild…</translation>
    </message>
    <message>
        <source>Report as JSON…</source>
        <translation>Bericht als JSON…</translation>
    </message>
    <message>
        <source>Report as CSV (one row per state)…</source>
        <translation>Bericht als CSV (eine Zeile je Zustand)…</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>Bericht als PDF…</translation>
    </message>
    <message>
        <source>Evidence Bundle…</source>
        <translation>Nachweispaket…</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Report as PDF</source>
        <translation>Bericht als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Evidence Bundle</source>
        <translation>Nachweispaket</translation>
    </message>
    <message>
        <source>There is no data to bundle: open a source first.</source>
        <translation>Es gibt keine Daten für ein Paket: zuerst eine Quelle öffnen.</translation>
    </message>
    <message>
        <source>Export Evidence Bundle</source>
        <translation>Nachweispaket exportieren</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite *.db)</source>
        <translation>SQLite-Datenbank (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>The evidence bundle was not written.

%1</source>
        <translation>Das Nachweispaket wurde nicht geschrieben.

%1</translation>
    </message>
    <message>
        <source>Saved %1: %2 executions, %3 transitions, %4 audit rows</source>
        <translation>%1 gespeichert: Ausführungen: %2, Übergänge: %3, Audit-Einträge: %4</translation>
    </message>
    <message>
        <source>Writing the evidence bundle %1…</source>
        <translation>Nachweispaket %1 wird geschrieben…</translation>
    </message>
    <message>
        <source>&amp;Current View as Image…</source>
        <translation>&amp;Aktuelle Ansicht als Bild…</translation>
    </message>
    <message>
        <source>Save the pane that has the keyboard focus (else the state diagram) as PNG, SVG or PDF</source>
        <translation>Den Bereich mit dem Tastaturfokus (sonst das Zustandsdiagramm) als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Keep the newest events in view (F)</source>
        <translation>Die neuesten Ereignisse im Blick behalten (F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find Execution…</source>
        <translation>Ausführung &amp;suchen…</translation>
    </message>
    <message>
        <source>Search the executions by id in the Sources pane</source>
        <translation>Ausführungen im Bereich „Quellen“ nach ID suchen</translation>
    </message>
    <message>
        <source>&amp;Recover Selected Checkpoint…</source>
        <translation>Ausgewählten Checkpoint &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Recovery: select an execution and one of its checkpoints first (the Recovery pane says what is missing)</source>
        <translation>Wiederherstellung: zuerst eine Ausführung und einen ihrer Checkpoints auswählen (der Bereich „Wiederherstellung“ sagt, was fehlt)</translation>
    </message>
    <message>
        <source>Open the recovery of the checkpoint selected in the Recovery pane</source>
        <translation>Die Wiederherstellung des im Bereich „Wiederherstellung“ ausgewählten Checkpoints öffnen</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>Find and run any command by typing part of its name</source>
        <translation>Jeden Befehl finden und ausführen, indem man einen Teil seines Namens tippt</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;Go to Pane</source>
        <translation>Zu Bereich &amp;wechseln</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>Farb&amp;schema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About StateScope</source>
        <translation>&amp;Über StateScope</translation>
    </message>
    <message>
        <source>About StateScope</source>
        <translation>Über StateScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;StateScope %1&lt;/h3&gt;&lt;p&gt;Workflow state analytics: state diagrams, timelines, transition matrices, consistency and recovery of workflow engines, from databases, event logs and live feeds.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;StateScope %1&lt;/h3&gt;&lt;p&gt;Zustandsanalyse von Workflows: Zustandsdiagramme, Zeitleisten, Übergangsmatrizen, Konsistenz und Wiederherstellung von Workflow-Engines, aus Datenbanken, Ereignisprotokollen und Live-Feeds.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>The language changes the next time StateScope starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von StateScope.</translation>
    </message>
    <message>
        <source> (not found)</source>
        <translation> (nicht gefunden)</translation>
    </message>
    <message>
        <source>%1 no longer exists</source>
        <translation>%1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>No Recent Sources</source>
        <translation>Keine zuletzt geöffneten Quellen</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>%1 no longer exists, so it was removed from the recent sources.</source>
        <translation>%1 existiert nicht mehr und wurde daher aus der Liste der zuletzt geöffneten Quellen entfernt.</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Disconnect &amp;Feeds</source>
        <translation>Feeds &amp;trennen</translation>
    </message>
    <message>
        <source>Close &amp;All Sources</source>
        <translation>Alle Quellen &amp;schließen</translation>
    </message>
    <message>
        <source>Follow &amp;Live</source>
        <translation>Live &amp;folgen</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
</context>
<context>
    <name>StateScope::MatrixData</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>No transitions</source>
        <translation>Keine Übergänge</translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>Anzahl: %1</translation>
    </message>
    <message>
        <source>Probability: %1 (%2)</source>
        <translation>Wahrscheinlichkeit: %1 (%2)</translation>
    </message>
    <message>
        <source>Mean dwell before the move: %1</source>
        <translation>Mittlere Verweildauer vor dem Übergang: %1</translation>
    </message>
    <message>
        <source>(terminal)</source>
        <translation>(Endzustand)</translation>
    </message>
    <message>
        <source>(trapped)</source>
        <translation>(Falle)</translation>
    </message>
    <message>
        <source>Steady state π: %1 (%2)</source>
        <translation>Stationäre Verteilung π: %1 (%2)</translation>
    </message>
    <message>
        <source>Time share: %1</source>
        <translation>Zeitanteil: %1</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Count (log scale)</source>
        <translation>Anzahl (logarithmisch)</translation>
    </message>
    <message>
        <source>Mean dwell before the move (log scale)</source>
        <translation>Mittlere Verweildauer vor dem Übergang (logarithmisch)</translation>
    </message>
    <message>
        <source>Mean dwell: no event store</source>
        <translation>Mittlere Verweildauer: kein Ereignisspeicher</translation>
    </message>
</context>
<context>
    <name>StateScope::MatrixView</name>
    <message>
        <source>Probability matrix</source>
        <translation>Wahrscheinlichkeitsmatrix</translation>
    </message>
    <message>
        <source>Cell color: %1. Grey cells: no transitions. Right-click to show probability, count or mean dwell.</source>
        <translation>Zellfarbe: %1. Graue Zellen: keine Übergänge. Rechtsklick wechselt zwischen Wahrscheinlichkeit, Anzahl und mittlerer Verweildauer.</translation>
    </message>
    <message>
        <source>Transition probability</source>
        <translation>Übergangswahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Transition count</source>
        <translation>Anzahl der Übergänge</translation>
    </message>
    <message>
        <source>Mean dwell per edge</source>
        <translation>Mittlere Verweildauer je Kante</translation>
    </message>
    <message>
        <source>No transitions to show</source>
        <translation>Keine Übergänge anzuzeigen</translation>
    </message>
    <message>
        <source>Too small to show the matrix</source>
        <translation>Zu klein, um die Matrix anzuzeigen</translation>
    </message>
    <message>
        <source>Steady state π</source>
        <translation>Stationäre Verteilung π</translation>
    </message>
    <message>
        <source>Time share</source>
        <translation>Zeitanteil</translation>
    </message>
    <message>
        <source>no transitions</source>
        <translation>keine Übergänge</translation>
    </message>
    <message>
        <source>dwell unknown</source>
        <translation>Verweildauer unbekannt</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>legend title</comment>
        <translation>%1:</translation>
    </message>
</context>
<context>
    <name>StateScope::PredictionsModel</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Next state from %1:</source>
        <translation>Nächster Zustand nach %1:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Probability that an execution in %1 ends in %2</source>
        <translation>Wahrscheinlichkeit, dass eine Ausführung in %1 in %2 endet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Outcome of %1:</source>
        <translation>Ausgang von %1:</translation>
    </message>
    <message>
        <source>Double-click to show execution %1</source>
        <translation>Doppelklicken, um die Ausführung %1 anzuzeigen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Expected time until a terminal state</source>
        <translation>Erwartete Zeit bis zu einem Endzustand</translation>
    </message>
    <message>
        <source>Expected remaining</source>
        <translation>Erwartete Restzeit</translation>
    </message>
    <message>
        <source>Next state</source>
        <translation>Nächster Zustand</translation>
    </message>
    <message>
        <source>Probability of ending in %1</source>
        <translation>Wahrscheinlichkeit, in %1 zu enden</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>In state for</source>
        <translation>Im Zustand seit</translation>
    </message>
    <message>
        <source>Most likely next</source>
        <translation>Wahrscheinlichster Folgezustand</translation>
    </message>
    <message>
        <source>Most likely outcome</source>
        <translation>Wahrscheinlichster Ausgang</translation>
    </message>
</context>
<context>
    <name>StateScope::Preferences</name>
    <message>
        <source>The lag threshold must be between %1 and %2 ms.</source>
        <translation>Die Verzögerungsschwelle muss zwischen %1 und %2 ms liegen.</translation>
    </message>
    <message>
        <source>The memory budget must be between %1 and %2 MB.</source>
        <translation>Das Speicherbudget muss zwischen %1 und %2 MB liegen.</translation>
    </message>
    <message>
        <source>The refresh rate must be between %1 and %2 Hz.</source>
        <translation>Die Aktualisierungsrate muss zwischen %1 und %2 Hz liegen.</translation>
    </message>
    <message>
        <source>Unknown theme &quot;%1&quot;.</source>
        <translation>Unbekanntes Farbschema „%1“.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;.</source>
        <translation>Unbekannte Sprache „%1“.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>StateScope::PreferencesDialog</name>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Lag threshold</source>
        <translation>Verzögerungsschwelle</translation>
    </message>
    <message>
        <source>A replica lagging more than this is out of sync: the consistency score and gauges use it</source>
        <translation>Ein Replikat mit größerer Verzögerung gilt als nicht synchron: Konsistenzwert und Anzeigen verwenden diese Schwelle</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Speicherbudget</translation>
    </message>
    <message>
        <source>The memory the dashboard may use; past it, the oldest finished executions of live data are folded into summaries</source>
        <translation>Der Speicher, den das Dashboard belegen darf; darüber hinaus werden die ältesten beendeten Ausführungen der Live-Daten zu Zusammenfassungen verdichtet</translation>
    </message>
    <message>
        <source>Refresh rate</source>
        <translation>Aktualisierungsrate</translation>
    </message>
    <message>
        <source>How often live data reaches the views</source>
        <translation>Wie oft Live-Daten die Ansichten erreichen</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language applies after a restart.</source>
        <translation>Die Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>&amp;Lag threshold:</source>
        <translation>&amp;Verzögerungsschwelle:</translation>
    </message>
    <message>
        <source>&amp;Memory budget:</source>
        <translation>&amp;Speicherbudget:</translation>
    </message>
    <message>
        <source>&amp;Refresh rate:</source>
        <translation>&amp;Aktualisierungsrate:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>S&amp;prache:</translation>
    </message>
</context>
<context>
    <name>StateScope::RecoveryDialog</name>
    <message>
        <source>%1 is not a state database: recovery needs an SQLite file or a PostgreSQL URL</source>
        <translation>%1 ist keine Zustandsdatenbank: Eine Wiederherstellung braucht eine SQLite-Datei oder eine PostgreSQL-URL</translation>
    </message>
    <message>
        <source>about %1 remaining</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>Recover Execution %1</source>
        <translation>Ausführung %1 wiederherstellen</translation>
    </message>
    <message>
        <source>Reading the preview from %1…</source>
        <translation>Vorschau wird aus %1 gelesen…</translation>
    </message>
    <message>
        <source>Recovery summary</source>
        <translation>Zusammenfassung der Wiederherstellung</translation>
    </message>
    <message>
        <source>Checksum status</source>
        <translation>Status der Prüfsumme</translation>
    </message>
    <message>
        <source>Outcome prediction</source>
        <translation>Prognose des Ausgangs</translation>
    </message>
    <message>
        <source>No outcome prediction for the checkpoint&apos;s state.</source>
        <translation>Keine Prognose des Ausgangs für den Zustand des Checkpoints.</translation>
    </message>
    <message>
        <source>Recovery preview</source>
        <translation>Vorschau der Wiederherstellung</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Ablehnungen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Why this recovery is needed (kept in the audit log)</source>
        <translation>Warum diese Wiederherstellung nötig ist (wird im Audit-Log festgehalten)</translation>
    </message>
    <message>
        <source>Typed execution id</source>
        <translation>Eingegebene Ausführungs-ID</translation>
    </message>
    <message>
        <source>The execution id, or its first 8 characters: %1</source>
        <translation>Die Ausführungs-ID oder ihre ersten 8 Zeichen: %1</translation>
    </message>
    <message>
        <source>Why Recover is disabled</source>
        <translation>Warum „Wiederherstellen“ deaktiviert ist</translation>
    </message>
    <message>
        <source>Recovery result</source>
        <translation>Ergebnis der Wiederherstellung</translation>
    </message>
    <message>
        <source>Feed events of the recovery</source>
        <translation>Feed-Ereignisse der Wiederherstellung</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Type the execution id:</source>
        <translation>Ausführungs-ID &amp;eingeben:</translation>
    </message>
    <message>
        <source>From %1 (a terminal state): the execution ends there.</source>
        <translation>Von %1 (ein Endzustand): Die Ausführung endet dort.</translation>
    </message>
    <message>
        <source>Predicted from %1: %2</source>
        <translation>Prognose ab %1: %2</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Checksum %1 · %2 · update conditional on state version %3 · transitions rolled back: %4</source>
        <translation>Prüfsumme %1 · %2 · Aktualisierung nur bei Zustandsversion %3 · zurückgenommene Übergänge: %4</translation>
    </message>
    <message>
        <source>recoverable</source>
        <translation>wiederherstellbar</translation>
    </message>
    <message>
        <source>not recoverable</source>
        <translation>nicht wiederherstellbar</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>The recovery was sent; the feed and a reload show the new state.</source>
        <translation>Die Wiederherstellung wurde gesendet; der Feed und ein erneutes Laden zeigen den neuen Zustand.</translation>
    </message>
    <message>
        <source>The recovery was attempted; the dashboard reloads the source to show the new state.</source>
        <translation>Die Wiederherstellung wurde versucht; das Dashboard lädt die Quelle neu, um den neuen Zustand zu zeigen.</translation>
    </message>
    <message>
        <source>Recovering…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Waiting for the preview.</source>
        <translation>Warten auf die Vorschau.</translation>
    </message>
    <message>
        <source>Recover is disabled: the recovery is refused (see above).</source>
        <translation>„Wiederherstellen“ ist deaktiviert: Die Wiederherstellung wird abgelehnt (siehe oben).</translation>
    </message>
    <message>
        <source>Recover is disabled: engineer mode is off.</source>
        <translation>„Wiederherstellen“ ist deaktiviert: Der Expertenmodus ist aus.</translation>
    </message>
    <message>
        <source>Recover is disabled: enter a reason.</source>
        <translation>„Wiederherstellen“ ist deaktiviert: einen Grund angeben.</translation>
    </message>
    <message>
        <source>Recover is disabled: type the execution id (or its first 8 characters) to confirm.</source>
        <translation>„Wiederherstellen“ ist deaktiviert: zur Bestätigung die Ausführungs-ID (oder ihre ersten 8 Zeichen) eingeben.</translation>
    </message>
    <message>
        <source>Ready: Recover asks the engine at %1 to apply it.</source>
        <translation>Bereit: „Wiederherstellen“ bittet die Engine unter %1, sie auszuführen.</translation>
    </message>
    <message>
        <source>Ready: Recover changes the database.</source>
        <translation>Bereit: „Wiederherstellen“ ändert die Datenbank.</translation>
    </message>
    <message>
        <source>The engine recovered the execution: %1</source>
        <translation>Die Engine hat die Ausführung wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>The engine did not recover the execution: %1</source>
        <translation>Die Engine hat die Ausführung nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>It may or may not have applied it: check the feed and the Recovery pane after a reload.</source>
        <translation>Ob sie ausgeführt wurde, ist offen: nach dem erneuten Laden den Feed und den Bereich „Wiederherstellung“ prüfen.</translation>
    </message>
    <message>
        <source>The attempt could not be logged in audit_log: %1</source>
        <translation>Der Versuch konnte nicht in audit_log protokolliert werden: %1</translation>
    </message>
    <message>
        <source>Waiting for the feed&apos;s recovery events for %1…</source>
        <translation>Warten auf die Wiederherstellungs-Ereignisse des Feeds für %1…</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>initiated</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <source>Feed: recovery %1 %2</source>
        <translation>Feed: Wiederherstellung %1 %2</translation>
    </message>
    <message>
        <source>, to %1</source>
        <translation>, nach %1</translation>
    </message>
    <message>
        <source> in %1 ms</source>
        <translation> in %1 ms</translation>
    </message>
    <message>
        <source>Recovered: %1 (%2 ms)</source>
        <translation>Wiederhergestellt: %1 (%2 ms)</translation>
    </message>
    <message>
        <source>The attempt could not be logged: %1</source>
        <translation>Der Versuch konnte nicht protokolliert werden: %1</translation>
    </message>
    <message>
        <source>Recovery refused: %1</source>
        <translation>Wiederherstellung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Recovery failed: %1</source>
        <translation>Wiederherstellung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>StateScope::RecoveryHistoryChart</name>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>Recovery history chart</source>
        <translation>Diagramm des Wiederherstellungsverlaufs</translation>
    </message>
    <message>
        <source>Success rate %1 % (%2 of %3)</source>
        <translation>Erfolgsquote %1&#xa0;% (%2 von %3)</translation>
    </message>
    <message>
        <source>No recoveries</source>
        <translation>Keine Wiederherstellungen</translation>
    </message>
    <message>
        <source>No recovery here has a recorded time</source>
        <translation>Keine Wiederherstellung hier hat eine erfasste Zeit</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>pro Jahr</translation>
    </message>
    <message>
        <source>per %1 years</source>
        <translation>pro %1 Jahre</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <source>per %1 weeks</source>
        <translation>pro %1 Wochen</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>per %1 days</source>
        <translation>pro %1 Tage</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <source>per %1 hours</source>
        <translation>pro %1 Stunden</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>pro Minute</translation>
    </message>
    <message>
        <source>per %1 minutes</source>
        <translation>pro %1 Minuten</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>per %1 seconds</source>
        <translation>pro %1 Sekunden</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed</source>
        <translation>erfolgreich: %1, fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 of unknown outcome</source>
        <translation>Ergebnis unbekannt: %1</translation>
    </message>
</context>
<context>
    <name>StateScope::RecoveryPane</name>
    <message>
        <source>Recovery history</source>
        <translation>Wiederherstellungsverlauf</translation>
    </message>
    <message>
        <source>&amp;Engineer mode</source>
        <translation>&amp;Expertenmodus</translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Selected execution</source>
        <translation>Ausgewählte Ausführung</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Workflow recovery history</source>
        <translation>Wiederherstellungsverlauf des Workflows</translation>
    </message>
    <message>
        <source>Data loss</source>
        <translation>Datenverlust</translation>
    </message>
    <message>
        <source>From the data_loss column of the recovery log, for the recoveries that succeeded: a failed attempt changes nothing.</source>
        <translation>Aus der Spalte data_loss des Wiederherstellungsprotokolls, für die erfolgreichen Wiederherstellungen: Ein fehlgeschlagener Versuch ändert nichts.</translation>
    </message>
    <message>
        <source>Engineer mode</source>
        <translation>Expertenmodus</translation>
    </message>
    <message>
        <source>Allow recovering executions to a checkpoint. Off by default; remembered only until this window closes.</source>
        <translation>Erlaubt, Ausführungen auf einen Checkpoint zurückzusetzen. Standardmäßig aus; gilt nur, bis dieses Fenster geschlossen wird.</translation>
    </message>
    <message>
        <source>Engineer mode banner</source>
        <translation>Hinweisbalken Expertenmodus</translation>
    </message>
    <message>
        <source>Engineer mode is on: Recover… changes the database.</source>
        <translation>Expertenmodus ist an: „Wiederherstellen…“ ändert die Datenbank.</translation>
    </message>
    <message>
        <source>Preview, confirm and carry out a recovery of the execution to the selected checkpoint</source>
        <translation>Eine Wiederherstellung der Ausführung auf den ausgewählten Checkpoint ansehen, bestätigen und ausführen</translation>
    </message>
    <message>
        <source>Why recovery is unavailable</source>
        <translation>Warum keine Wiederherstellung möglich ist</translation>
    </message>
    <message>
        <source>Where recoveries go</source>
        <translation>Wohin Wiederherstellungen gehen</translation>
    </message>
    <message>
        <source>Select an execution (timeline or Sources) to see its checkpoints.</source>
        <translation>Eine Ausführung auswählen (Zeitleiste oder Quellen), um ihre Checkpoints zu sehen.</translation>
    </message>
    <message>
        <source>Execution %1 · checkpoints: %2</source>
        <translation>Ausführung %1 · Checkpoints: %2</translation>
    </message>
    <message>
        <source>Recovery is read-only: turn on engineer mode to recover.</source>
        <translation>Wiederherstellung ist schreibgeschützt: zum Wiederherstellen den Expertenmodus einschalten.</translation>
    </message>
    <message>
        <source>Recover… is disabled while the source loads.</source>
        <translation>„Wiederherstellen…“ ist deaktiviert, solange die Quelle lädt.</translation>
    </message>
    <message>
        <source>Recover… is disabled: the database is not answering (reconnecting).</source>
        <translation>„Wiederherstellen…“ ist deaktiviert: Die Datenbank antwortet nicht (Verbindung wird wiederhergestellt).</translation>
    </message>
    <message>
        <source>Recover… needs a state database source (an SQLite file or a PostgreSQL URL).</source>
        <translation>„Wiederherstellen…“ braucht eine Zustandsdatenbank als Quelle (eine SQLite-Datei oder eine PostgreSQL-URL).</translation>
    </message>
    <message>
        <source>Recover… is disabled: select an execution.</source>
        <translation>„Wiederherstellen…“ ist deaktiviert: eine Ausführung auswählen.</translation>
    </message>
    <message>
        <source>Recover… is disabled: select a checkpoint.</source>
        <translation>„Wiederherstellen…“ ist deaktiviert: einen Checkpoint auswählen.</translation>
    </message>
    <message>
        <source>A recovery dialog is open.</source>
        <translation>Ein Wiederherstellungsdialog ist geöffnet.</translation>
    </message>
    <message>
        <source>This checkpoint is %1%2: the preview will show why a recovery to it is refused.</source>
        <translation>Dieser Checkpoint ist %1%2: Die Vorschau zeigt, warum eine Wiederherstellung darauf abgelehnt wird.</translation>
    </message>
    <message>
        <source> and not recoverable</source>
        <translation> und nicht wiederherstellbar</translation>
    </message>
    <message>
        <source>Recoveries go to the engine at %1 (its REST API applies them).</source>
        <translation>Wiederherstellungen gehen an die Engine unter %1 (ihre REST-API führt sie aus).</translation>
    </message>
    <message>
        <source>Engineer mode is on: Recover… asks the engine to change the execution.</source>
        <translation>Expertenmodus ist an: „Wiederherstellen…“ bittet die Engine, die Ausführung zu ändern.</translation>
    </message>
    <message>
        <source>the data</source>
        <translation>den Daten</translation>
    </message>
    <message>
        <source>workflow %1</source>
        <translation>Workflow %1</translation>
    </message>
    <message>
        <source>No recoveries in %1</source>
        <translation>Keine Wiederherstellungen in %1</translation>
    </message>
    <message>
        <source>1 attempt</source>
        <translation>1 Versuch</translation>
    </message>
    <message>
        <source>%1 attempts</source>
        <translation>%1 Versuche</translation>
    </message>
    <message>
        <source>, %1 succeeded (%2 %)</source>
        <translation>, %1 erfolgreich (%2&#xa0;%)</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>, %1 of unknown outcome</source>
        <translation>, %1 mit unbekanntem Ergebnis</translation>
    </message>
    <message>
        <source> · mean %1</source>
        <translation> · im Mittel %1</translation>
    </message>
    <message>
        <source>This execution: no recoveries.</source>
        <translation>Diese Ausführung: keine Wiederherstellungen.</translation>
    </message>
    <message>
        <source>This execution: %1</source>
        <translation>Diese Ausführung: %1</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation>Zeit unbekannt</translation>
    </message>
    <message>
        <source>Last: %1, to %2, %3</source>
        <translation>Zuletzt: %1, nach %2, %3</translation>
    </message>
    <message>
        <source>Recoveries in %1: none.</source>
        <translation>Wiederherstellungen in %1: keine.</translation>
    </message>
    <message>
        <source>Recoveries in %1: %2</source>
        <translation>Wiederherstellungen in %1: %2</translation>
    </message>
    <message>
        <source> (%1 of them summarized to save memory: not in the chart)</source>
        <translation> (davon %1 zusammengefasst, um Speicher zu sparen: nicht im Diagramm)</translation>
    </message>
    <message>
        <source>Data lost: none, no recovery succeeded.</source>
        <translation>Datenverlust: keiner, keine Wiederherstellung war erfolgreich.</translation>
    </message>
    <message>
        <source>Data lost: unknown, the recovery log recorded it for none of the %1 succeeded recoveries.</source>
        <translation>Datenverlust: unbekannt, das Wiederherstellungsprotokoll hat ihn für keine der %1 erfolgreichen Wiederherstellungen erfasst.</translation>
    </message>
    <message>
        <source>%1 of %2 succeeded recoveries recorded it</source>
        <translation>bei %1 von %2 erfolgreichen Wiederherstellungen erfasst</translation>
    </message>
    <message numerus="yes">
        <source>%n transitions rolled back</source>
        <translation>
            <numerusform>%n Übergang zurückgenommen</numerusform>
            <numerusform>%n Übergänge zurückgenommen</numerusform>
        </translation>
    </message>
    <message>
        <source>transitions rolled back not recorded</source>
        <translation>zurückgenommene Übergänge nicht erfasst</translation>
    </message>
    <message numerus="yes">
        <source>%n variable values changed</source>
        <translation>
            <numerusform>%n Variablenwert geändert</numerusform>
            <numerusform>%n Variablenwerte geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>variable changes not recorded</source>
        <translation>Variablenänderungen nicht erfasst</translation>
    </message>
    <message>
        <source>Data lost: %1, %2 (%3).</source>
        <translation>Datenverlust: %1, %2 (%3).</translation>
    </message>
    <message>
        <source>Data lost: %1, %2.</source>
        <translation>Datenverlust: %1, %2.</translation>
    </message>
</context>
<context>
    <name>StateScope::ReplicaNodesModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1: lag %2, over the %3 threshold</source>
        <translation>%1: Verzögerung %2, über der Schwelle von %3</translation>
    </message>
    <message>
        <source>%1: lag %2, within the %3 threshold</source>
        <translation>%1: Verzögerung %2, innerhalb der Schwelle von %3</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
</context>
<context>
    <name>StateScope::ReportPdf</name>
    <message>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>%1: not shown in the window, so not drawn.</source>
        <translation>%1: im Fenster nicht sichtbar, daher nicht gezeichnet.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weiterer.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>no definition to check against</source>
        <translation>keine Definition zum Abgleich</translation>
    </message>
    <message>
        <source>%1 of executions follow %2</source>
        <translation>%1 der Ausführungen folgen %2</translation>
    </message>
    <message>
        <source>%1 of %2 verified</source>
        <translation>%1 von %2 verifiziert</translation>
    </message>
    <message>
        <source>, %1 corrupted</source>
        <translation>, %1 beschädigt</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>%1 (%2 finished, %3 running)</source>
        <translation>%1 (%2 beendet, %3 laufend)</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Übergänge</translation>
    </message>
    <message>
        <source>States</source>
        <translation>Zustände</translation>
    </message>
    <message>
        <source>Conformance rate</source>
        <translation>Konformitätsquote</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>%1 distinct paths of finished executions</source>
        <translation>%1 verschiedene Pfade beendeter Ausführungen</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Recoveries</source>
        <translation>Wiederherstellungen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 of %2 succeeded</source>
        <translation>%1 von %2 erfolgreich</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>trapped</source>
        <translation>Falle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Endzustand</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>Im Zustand</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Aufenthalte</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Steady</source>
        <translation>Stationär</translation>
    </message>
    <message>
        <source>Time share</source>
        <translation>Zeitanteil</translation>
    </message>
    <message>
        <source>No transitions in the selection.</source>
        <translation>Keine Übergänge in der Auswahl.</translation>
    </message>
    <message>
        <source>Top transitions</source>
        <translation>Häufigste Übergänge</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>No transitions.</source>
        <translation>Keine Übergänge.</translation>
    </message>
    <message>
        <source>The %1 most frequent of %2 transitions.</source>
        <translation>Die %1 häufigsten von %2 Übergängen.</translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation>Engpässe</translation>
    </message>
    <message>
        <source>bottleneck</source>
        <translation>Engpass</translation>
    </message>
    <message>
        <source>Mean dwell</source>
        <translation>Mittlere Verweildauer</translation>
    </message>
    <message>
        <source>Severity (z)</source>
        <translation>Schweregrad (z)</translation>
    </message>
    <message>
        <source>No dwell times in the selection.</source>
        <translation>Keine Verweildauern in der Auswahl.</translation>
    </message>
    <message>
        <source>Top variants</source>
        <translation>Häufigste Varianten</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>No finished executions.</source>
        <translation>Keine beendeten Ausführungen.</translation>
    </message>
    <message>
        <source>Invalid transitions (conformance)</source>
        <translation>Unzulässige Übergänge (Konformität)</translation>
    </message>
    <message>
        <source>Example executions</source>
        <translation>Beispielausführungen</translation>
    </message>
    <message>
        <source>Every transition is allowed by the definition.</source>
        <translation>Jeder Übergang ist laut Definition zulässig.</translation>
    </message>
    <message>
        <source>No definition to check against.</source>
        <translation>Keine Definition zum Abgleich.</translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation>Validierungsbefunde</translation>
    </message>
    <message>
        <source>structural error</source>
        <translation>Strukturfehler</translation>
    </message>
    <message>
        <source>unreachable state</source>
        <translation>unerreichbarer Zustand</translation>
    </message>
    <message>
        <source>deadlock</source>
        <translation>Verklemmung</translation>
    </message>
    <message>
        <source>trapped state</source>
        <translation>Fallenzustand</translation>
    </message>
    <message>
        <source>no error handling</source>
        <translation>keine Fehlerbehandlung</translation>
    </message>
    <message>
        <source>non-deterministic</source>
        <translation>nichtdeterministisch</translation>
    </message>
    <message>
        <source>%1 on %2 goes to %3</source>
        <translation>%1 bei %2 führt zu %3</translation>
    </message>
    <message>
        <source>(no event)</source>
        <translation>(kein Ereignis)</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Keine Befunde.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Corrupted</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Unverifiable (no checksum)</source>
        <translation>Nicht prüfbar (keine Prüfsumme)</translation>
    </message>
    <message>
        <source>checksum does not match</source>
        <translation>Prüfsumme stimmt nicht überein</translation>
    </message>
    <message>
        <source>Corrupted checkpoint</source>
        <translation>Beschädigter Checkpoint</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>mean %1, p95 %2</source>
        <translation>Mittel %1, p95 %2</translation>
    </message>
    <message>
        <source>Failed recovery</source>
        <translation>Fehlgeschlagene Wiederherstellung</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>violated</source>
        <translation>verletzt</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Max lag</source>
        <translation>Max. Verzögerung</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>No consistency samples in the selection.</source>
        <translation>Keine Konsistenz-Stichproben in der Auswahl.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>Keine Alarme.</translation>
    </message>
    <message numerus="yes">
        <source>%n more alerts were left out of the report.</source>
        <translation>
            <numerusform>%n weiterer Alarm wurde im Bericht ausgelassen.</numerusform>
            <numerusform>%n weitere Alarme wurden im Bericht ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>StateScope report: %1</source>
        <translation>StateScope-Bericht: %1</translation>
    </message>
    <message>
        <source>StateScope report · %1 · %2</source>
        <translation>StateScope-Bericht · %1 · %2</translation>
    </message>
    <message>
        <source>%1: cannot write a PDF here</source>
        <translation>%1: Hier kann kein PDF geschrieben werden</translation>
    </message>
    <message>
        <source>StateScope report</source>
        <translation>StateScope-Bericht</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Data window</source>
        <translation>Datenzeitraum</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>%1: the PDF could not be completed</source>
        <translation>%1: Das PDF konnte nicht fertiggestellt werden</translation>
    </message>
    <message>
        <source>State diagram</source>
        <translation>Zustandsdiagramm</translation>
    </message>
    <message>
        <source>Transition matrix (probabilities)</source>
        <translation>Übergangsmatrix (Wahrscheinlichkeiten)</translation>
    </message>
    <message>
        <source>Timeline: the latest executions</source>
        <translation>Zeitleiste: die neuesten Ausführungen</translation>
    </message>
</context>
<context>
    <name>StateScope::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Every command is also in the command palette (%1), shortcut or not.</source>
        <translation>Jeder Befehl, ob mit Tastenkürzel oder ohne, steht auch in der Befehlspalette (%1).</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>StateScope::SourcesPane</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Search execution id…</source>
        <translation>Ausführungs-ID suchen…</translation>
    </message>
    <message>
        <source>Search executions by id</source>
        <translation>Ausführungen nach ID suchen</translation>
    </message>
    <message>
        <source>Filter by current state</source>
        <translation>Nach aktuellem Zustand filtern</translation>
    </message>
    <message>
        <source>Only executions now in this state</source>
        <translation>Nur Ausführungen, die jetzt in diesem Zustand sind</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Filter by time</source>
        <translation>Nach Zeit filtern</translation>
    </message>
    <message>
        <source>Only executions active in this last stretch of the data</source>
        <translation>Nur Ausführungen, die im letzten Abschnitt der Daten aktiv waren</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>Letzte Minute</translation>
    </message>
    <message>
        <source>Last 10 minutes</source>
        <translation>Letzte 10 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Live feed: %1</source>
        <translation>Live-Feed: %1</translation>
    </message>
    <message>
        <source>Database or file: %1</source>
        <translation>Datenbank oder Datei: %1</translation>
    </message>
    <message>
        <source>No source yet: open a database or file, connect a feed, or start with --demo.</source>
        <translation>Noch keine Quelle: eine Datenbank oder Datei öffnen, einen Feed verbinden oder mit --demo starten.</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>%1 executions match; the newest %2 are listed</source>
        <translation>%1 Ausführungen passen; die neuesten %2 sind aufgeführt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln executions</source>
        <translation>
            <numerusform>%Ln Ausführung</numerusform>
            <numerusform>%Ln Ausführungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::StateDiagramView</name>
    <message>
        <source>%1 · branch %2</source>
        <translation>%1 · Zweig %2</translation>
    </message>
    <message>
        <source>%1 · iteration</source>
        <translation>%1 · Iteration</translation>
    </message>
    <message>
        <source>Graphviz could not lay out the graph</source>
        <translation>Graphviz konnte den Graphen nicht anordnen</translation>
    </message>
    <message>
        <source>Graphviz could not be initialised</source>
        <translation>Graphviz konnte nicht initialisiert werden</translation>
    </message>
    <message>
        <source>State diagram</source>
        <translation>Zustandsdiagramm</translation>
    </message>
    <message>
        <source>In the definition, not seen in the data</source>
        <translation>In der Definition, aber nicht in den Daten</translation>
    </message>
    <message>
        <source>Executions in this state now: %1</source>
        <translation>Ausführungen jetzt in diesem Zustand: %1</translation>
    </message>
    <message>
        <source>Terminal state</source>
        <translation>Endzustand</translation>
    </message>
    <message>
        <source>Failure state (marked ✕)</source>
        <translation>Fehlerzustand (mit ✕ markiert)</translation>
    </message>
    <message>
        <source>Allowed by the definition, never taken</source>
        <translation>Laut Definition zulässig, nie genommen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln transitions, probability %1</source>
        <translation>
            <numerusform>%Ln Übergang, Wahrscheinlichkeit %1</numerusform>
            <numerusform>%Ln Übergänge, Wahrscheinlichkeit %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not allowed by the definition</source>
        <translation>Laut Definition nicht zulässig</translation>
    </message>
    <message>
        <source>Laying out the diagram…</source>
        <translation>Diagramm wird angeordnet…</translation>
    </message>
    <message>
        <source>The diagram could not be laid out: %1</source>
        <translation>Das Diagramm konnte nicht angeordnet werden: %1</translation>
    </message>
    <message>
        <source>No states to show yet</source>
        <translation>Noch keine Zustände anzuzeigen</translation>
    </message>
</context>
<context>
    <name>StateScope::StatesTableModel</name>
    <message>
        <source>%1 (terminal)</source>
        <translation>%1 (Endzustand)</translation>
    </message>
    <message>
        <source>%1 (trapped)</source>
        <translation>%1 (Falle)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Aufenthalte</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Steady state</source>
        <translation>Stationär</translation>
    </message>
    <message>
        <source>Time share</source>
        <translation>Zeitanteil</translation>
    </message>
</context>
<context>
    <name>StateScope::TimeScrubber</name>
    <message>
        <source>Replay from the chosen time (Space)</source>
        <translation>Ab der gewählten Zeit abspielen (Leertaste)</translation>
    </message>
    <message>
        <source>Play or pause the replay</source>
        <translation>Wiedergabe starten oder anhalten</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Show everything up to the latest event</source>
        <translation>Alles bis zum neuesten Ereignis zeigen</translation>
    </message>
    <message>
        <source>Show the latest state</source>
        <translation>Den aktuellen Stand zeigen</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>Time scrubber</source>
        <translation>Zeitregler</translation>
    </message>
</context>
<context>
    <name>StateScope::TimelineView</name>
    <message>
        <source>No executions to show</source>
        <translation>Keine Ausführungen anzuzeigen</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>by state</source>
        <translation>nach Zustand</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Transition timeline</source>
        <translation>Zeitleiste der Übergänge</translation>
    </message>
    <message numerus="yes">
        <source>Execution %1
Status: %2, %n stay(s)</source>
        <translation>
            <numerusform>Ausführung %1
Status: %2, %n Aufenthalt</numerusform>
            <numerusform>Ausführung %1
Status: %2, %n Aufenthalte</numerusform>
        </translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>Ausführung %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Entered: %1</source>
        <translation>Eingetreten: %1</translation>
    </message>
    <message>
        <source>Left: %1</source>
        <translation>Verlassen: %1</translation>
    </message>
    <message>
        <source>Dwell: %1</source>
        <translation>Verweildauer: %1</translation>
    </message>
    <message>
        <source>Left: still there</source>
        <translation>Verlassen: noch dort</translation>
    </message>
    <message>
        <source>Dwell: %1 so far</source>
        <translation>Verweildauer: bisher %1</translation>
    </message>
    <message>
        <source>Final state</source>
        <translation>Endzustand</translation>
    </message>
    <message>
        <source>Final state (execution %1)</source>
        <translation>Endzustand (Ausführung %1)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Executions in a state (mean): %1</source>
        <translation>Ausführungen in einem Zustand (Mittel): %1</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>  and %n more state(s)</source>
        <translation>
            <numerusform>  und %n weiterer Zustand</numerusform>
            <numerusform>  und %n weitere Zustände</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::VariantsModel</name>
    <message>
        <source>Steps: %1
%2</source>
        <translation>Schritte: %1
%2</translation>
    </message>
    <message>
        <source>Double-click to show execution %1</source>
        <translation>Doppelklicken, um die Ausführung %1 anzuzeigen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Example execution</source>
        <translation>Beispielausführung</translation>
    </message>
</context>
<context>
    <name>StateScope::ViewExport</name>
    <message>
        <source>%1: cannot write here</source>
        <translation>%1: Hier kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: cannot replace the file</source>
        <translation>%1: Die Datei kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>%1: unknown image type (use .png, .svg or .pdf)</source>
        <translation>%1: unbekannter Bildtyp (.png, .svg oder .pdf verwenden)</translation>
    </message>
</context>
</TS>
