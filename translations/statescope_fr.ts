<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>StateScope::AlertsModel</name>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>Stuck execution</source>
        <translation>Exécution bloquée</translation>
    </message>
    <message>
        <source>Consistency violation</source>
        <translation>Violation de cohérence</translation>
    </message>
    <message>
        <source>Corrupted checkpoint</source>
        <translation>Point de contrôle corrompu</translation>
    </message>
    <message>
        <source>Failed recovery</source>
        <translation>Restauration échouée</translation>
    </message>
    <message>
        <source>Double-click to show execution %1</source>
        <translation>Double-cliquer pour afficher l’exécution %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>StateScope::AnalyticsView</name>
    <message>
        <source>Dwell</source>
        <translation>Temps de séjour</translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation>Goulots d’étranglement</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <source>Conformance</source>
        <translation>Conformité</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Prévisions</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Show execution %1</source>
        <translation>Afficher l’exécution %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Running executions, longest in their state first (%1 listed). Double-click one to show it.</source>
        <translation>Exécutions en cours, les plus longtemps dans leur état en premier (%1 affichées). Double-cliquer sur l’une d’elles pour l’afficher.</translation>
    </message>
    <message>
        <source>Running executions in %1 (%2 of %3 listed)</source>
        <translation>Exécutions en cours dans %1 (%2 sur %3 affichées)</translation>
    </message>
    <message>
        <source>Distinct paths through the workflow: %1, among %2 finished executions.</source>
        <translation>Chemins distincts dans le workflow&#xa0;: %1, parmi %2 exécutions terminées.</translation>
    </message>
    <message>
        <source>The %1 most frequent are listed.</source>
        <translation>Les %1 plus fréquentes sont affichées.</translation>
    </message>
    <message>
        <source>Variants (%1)</source>
        <translation>Variantes (%1)</translation>
    </message>
    <message>
        <source>the definition</source>
        <translation>la définition</translation>
    </message>
    <message>
        <source>Conformance to %1: %2 of %3 executions made no invalid transition. Kinds of invalid transition seen: %4.</source>
        <translation>Conformité à %1&#xa0;: %2 exécutions sur %3 sans transition invalide. Types de transitions invalides observés&#xa0;: %4.</translation>
    </message>
    <message>
        <source>No state machine definition is known for this selection, so transitions are not checked; trapped states below come from the observed transitions.</source>
        <translation>Aucune définition de machine à états n’est connue pour cette sélection&#xa0;: les transitions ne sont donc pas vérifiées&#x202f;; les états pièges ci-dessous proviennent des transitions observées.</translation>
    </message>
    <message>
        <source>Conformance (%1)</source>
        <translation>Conformité (%1)</translation>
    </message>
    <message>
        <source>Running executions: %1. By state: where they go next, how they end and how long that takes. Select states to list only their executions below.</source>
        <translation>Exécutions en cours&#xa0;: %1. Par état&#xa0;: où elles vont ensuite, comment elles se terminent et en combien de temps. Sélectionner des états pour n’afficher ci-dessous que leurs exécutions.</translation>
    </message>
    <message>
        <source>Predictions (%1)</source>
        <translation>Prévisions (%1)</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>Aucune alerte.</translation>
    </message>
    <message>
        <source>Alerts: %1 (%2).</source>
        <translation>Alertes&#xa0;: %1 (%2).</translation>
    </message>
    <message>
        <source>%1 more are not listed.</source>
        <translation>%1 autres ne sont pas affichées.</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alertes (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>alert severity: how many</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Analytics sections</source>
        <translation>Sections d’analyse</translation>
    </message>
</context>
<context>
    <name>StateScope::BottleneckChart</name>
    <message>
        <source>Bottlenecks</source>
        <translation>Goulots d’étranglement</translation>
    </message>
    <message>
        <source>Share of the time spent in non-terminal states (%)</source>
        <translation>Part du temps passé dans les états non terminaux (%)</translation>
    </message>
    <message>
        <source>bottleneck threshold</source>
        <translation>seuil de goulot d’étranglement</translation>
    </message>
    <message>
        <source>%1 (bottleneck)</source>
        <translation>%1 (goulot d’étranglement)</translation>
    </message>
    <message>
        <source>%1
%2 of the time in non-terminal states
mean stay %3
severity %4 (standard deviations above the mean of state means)</source>
        <translation>%1
%2 du temps dans les états non terminaux
séjour moyen %3
gravité %4 (écarts-types au-dessus de la moyenne des moyennes par état)</translation>
    </message>
    <message>
        <source>Bottleneck: at least twice its fair share of the time</source>
        <translation>Goulot d’étranglement&#xa0;: au moins deux fois sa part équitable du temps</translation>
    </message>
    <message>
        <source>No completed stays in non-terminal states yet</source>
        <translation>Aucun séjour terminé dans un état non terminal pour l’instant</translation>
    </message>
    <message>
        <source>Where the time goes: the %1 largest of %2 states</source>
        <translation>Où passe le temps&#xa0;: les %1 plus grands de %2 états</translation>
    </message>
    <message>
        <source>Where the time goes</source>
        <translation>Où passe le temps</translation>
    </message>
    <message>
        <source>dashed line: bottleneck threshold %1 (twice the fair share)</source>
        <translation>ligne pointillée&#xa0;: seuil de goulot d’étranglement %1 (deux fois la part équitable)</translation>
    </message>
</context>
<context>
    <name>StateScope::CheckpointsModel</name>
    <message>
        <source>verified</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>corrupted</source>
        <translation>corrompu</translation>
    </message>
    <message>
        <source>unverifiable</source>
        <translation>invérifiable</translation>
    </message>
    <message>
        <source>Checkpoint %1</source>
        <translation>Point de contrôle %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Somme de contrôle</translation>
    </message>
    <message>
        <source>Recoverable</source>
        <translation>Restaurable</translation>
    </message>
</context>
<context>
    <name>StateScope::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Palette de commandes</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Saisir une commande…</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Type part of a command&apos;s name; Enter runs the first match</source>
        <translation>Saisir une partie du nom d’une commande&#x202f;; Entrée lance la première correspondance</translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation>Commandes correspondantes</translation>
    </message>
    <message>
        <source> (on)</source>
        <translation> (activé)</translation>
    </message>
    <message>
        <source> (off)</source>
        <translation> (désactivé)</translation>
    </message>
</context>
<context>
    <name>StateScope::ConformanceModel</name>
    <message>
        <source>Invalid transition</source>
        <translation>Transition invalide</translation>
    </message>
    <message>
        <source>Unreachable state</source>
        <translation>État inaccessible</translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation>Interblocage</translation>
    </message>
    <message>
        <source>Trapped state</source>
        <translation>État piège</translation>
    </message>
    <message>
        <source>Non-deterministic</source>
        <translation>Non déterministe</translation>
    </message>
    <message>
        <source>Missing error handling</source>
        <translation>Gestion d’erreur manquante</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <source>not reachable from the initial state</source>
        <translation>inaccessible depuis l’état initial</translation>
    </message>
    <message>
        <source>not final, and no transition leaves it</source>
        <translation>non final, et aucune transition n’en sort</translation>
    </message>
    <message>
        <source>no path from it reaches a final state</source>
        <translation>aucun chemin n’en mène à un état final</translation>
    </message>
    <message>
        <source>without an event</source>
        <translation>sans événement</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>sur %1</translation>
    </message>
    <message>
        <source>%1 goes to %2</source>
        <translation>%1 mène à %2</translation>
    </message>
    <message>
        <source>a task without an error transition</source>
        <translation>une tâche sans transition d’erreur</translation>
    </message>
    <message>
        <source>%1, seen %2 times. Example executions (double-click shows the first):</source>
        <translation>%1, observé %2 fois. Exemples d’exécutions (un double-clic affiche la première)&#xa0;:</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Transition / state</source>
        <translation>Transition / état</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>StateScope::ConnectionDialog</name>
    <message>
        <source>Remember the token in the system keychain</source>
        <translation>Mémoriser le jeton dans le trousseau du système</translation>
    </message>
    <message>
        <source>Connect to Feed</source>
        <translation>Se connecter à un flux</translation>
    </message>
    <message>
        <source>Engine Recovery API</source>
        <translation>API de restauration du moteur</translation>
    </message>
    <message>
        <source>Feed URL</source>
        <translation>URL du flux</translation>
    </message>
    <message>
        <source>Engine API URL</source>
        <translation>URL de l’API du moteur</translation>
    </message>
    <message>
        <source>ws://HOST:PORT/PATH or wss://HOST:PORT/PATH of a statescope-feed/1 server</source>
        <translation>ws://HÔTE:PORT/CHEMIN ou wss://HÔTE:PORT/CHEMIN d’un serveur statescope-feed/1</translation>
    </message>
    <message>
        <source>https://HOST:PORT of the engine whose recovery endpoint (/api/v1/workflow-state-analytics/states/ID/recover) applies recoveries; http:// only on this machine</source>
        <translation>https://HÔTE:PORT du moteur dont le point d’accès de restauration (/api/v1/workflow-state-analytics/states/ID/recover) applique les restaurations&#x202f;; http:// uniquement sur cette machine</translation>
    </message>
    <message>
        <source>only for wss:// servers with a private CA</source>
        <translation>uniquement pour les serveurs wss:// avec une AC privée</translation>
    </message>
    <message>
        <source>only for https:// servers with a private CA</source>
        <translation>uniquement pour les serveurs https:// avec une AC privée</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Fichier de certificat de l’AC</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Certificat de l’AC</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton Bearer</translation>
    </message>
    <message>
        <source>Feed &amp;URL:</source>
        <translation>&amp;URL du flux&#xa0;:</translation>
    </message>
    <message>
        <source>API base &amp;URL:</source>
        <translation>&amp;URL de base de l’API&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Fichier de l’A&amp;C&#xa0;:</translation>
    </message>
    <message>
        <source>Bearer &amp;token:</source>
        <translation>&amp;Jeton Bearer&#xa0;:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Use for Recoveries</source>
        <translation>Utiliser pour les restaurations</translation>
    </message>
    <message>
        <source>Enter the feed&apos;s URL.</source>
        <translation>Saisir l’URL du flux.</translation>
    </message>
    <message>
        <source>Enter the engine API&apos;s base URL.</source>
        <translation>Saisir l’URL de base de l’API du moteur.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une URL valide.</translation>
    </message>
    <message>
        <source>A feed URL starts with ws:// or wss://, not %1://.</source>
        <translation>Une URL de flux commence par ws:// ou wss://, pas par %1://.</translation>
    </message>
    <message>
        <source>An engine API URL starts with https://, not %1://.</source>
        <translation>Une URL d’API du moteur commence par https://, pas par %1://.</translation>
    </message>
    <message>
        <source>The URL names no host.</source>
        <translation>L’URL ne précise aucun hôte.</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only on this machine; use https:// for %1.</source>
        <translation>Le http:// non chiffré n’est autorisé que sur cette machine&#x202f;; utiliser https:// pour %1.</translation>
    </message>
    <message>
        <source>Put the token in the token field, not in the URL: URLs end up in settings and logs.</source>
        <translation>Mettre le jeton dans le champ prévu, pas dans l’URL&#xa0;: les URL finissent dans les réglages et les journaux.</translation>
    </message>
</context>
<context>
    <name>StateScope::ConsistencyView</name>
    <message>
        <source>No consistency samples in this source.
The gauges fill in when a state_consistency table or a feed reports replica health.</source>
        <translation>Aucun échantillon de cohérence dans cette source.
Les jauges se remplissent dès qu’une table state_consistency ou un flux rend compte de l’état des répliques.</translation>
    </message>
    <message>
        <source>Workflow:</source>
        <translation>Workflow&#xa0;:</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Replica set</source>
        <translation>Ensemble de répliques</translation>
    </message>
    <message>
        <source>Latest sample health</source>
        <translation>État du dernier échantillon</translation>
    </message>
    <message>
        <source>Replica nodes</source>
        <translation>Nœuds répliques</translation>
    </message>
    <message>
        <source>Divergence</source>
        <translation>Divergences</translation>
    </message>
    <message>
        <source>Replica nodes (latest sample)</source>
        <translation>Nœuds répliques (dernier échantillon)</translation>
    </message>
    <message>
        <source>Consistency score (%)</source>
        <translation>Score de cohérence (%)</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Modifications en attente</translation>
    </message>
    <message>
        <source>Conflicts (latest sample)</source>
        <translation>Conflits (dernier échantillon)</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 échantillon</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 échantillons</translation>
    </message>
    <message>
        <source>level %1 · replication factor %2 · quorum %3 · %4</source>
        <translation>niveau %1 · facteur de réplication %2 · quorum %3 · %4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source> · latest %1</source>
        <translation> · dernier échantillon&#xa0;: %1</translation>
    </message>
    <message>
        <source>Violating</source>
        <translation>En violation</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Sain</translation>
    </message>
    <message>
        <source>In sync (quorum %1)</source>
        <translation>Synchronisés (quorum %1)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Max lag (limit %1)</source>
        <translation>Retard max. (limite %1)</translation>
    </message>
    <message>
        <source>Divergence (1 line)</source>
        <translation>Divergences (1 ligne)</translation>
    </message>
    <message>
        <source>Divergence (%1 lines)</source>
        <translation>Divergences (%1 lignes)</translation>
    </message>
    <message>
        <source>No divergence in the latest sample.</source>
        <translation>Aucune divergence dans le dernier échantillon.</translation>
    </message>
</context>
<context>
    <name>StateScope::CsvMappingDialog</name>
    <message>
        <source>Columns of %1</source>
        <translation>Colonnes de %1</translation>
    </message>
    <message>
        <source>StateScope could not tell which columns hold the case id, the state and the time:
%1
Choose them; each row then says that its case entered that state at that time.</source>
        <translation>StateScope n’a pas pu déterminer quelles colonnes contiennent l’identifiant du cas, l’état et l’heure&#xa0;:
%1
Choisissez-les&#x202f;; chaque ligne indique alors que son cas est entré dans cet état à cette heure.</translation>
    </message>
    <message>
        <source>&amp;Case id:</source>
        <translation>Identifiant du &amp;cas&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Timestamp:</source>
        <translation>&amp;Horodatage&#xa0;:</translation>
    </message>
    <message>
        <source>Case id column</source>
        <translation>Colonne de l’identifiant du cas</translation>
    </message>
    <message>
        <source>State column</source>
        <translation>Colonne de l’état</translation>
    </message>
    <message>
        <source>Timestamp column</source>
        <translation>Colonne de l’horodatage</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(choisir une colonne)</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>colonne %1</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Choose a column for each.</source>
        <translation>Choisir une colonne pour chacun.</translation>
    </message>
    <message>
        <source>A column can serve one role only.</source>
        <translation>Une colonne ne peut jouer qu’un seul rôle.</translation>
    </message>
</context>
<context>
    <name>StateScope::DashboardSession</name>
    <message>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <source>unreachable since %1 (%2); showing data as of %3; retrying in %4 s</source>
        <translation>inaccessible depuis %1 (%2)&#x202f;; données arrêtées à %3&#x202f;; nouvel essai dans %4 s</translation>
    </message>
    <message>
        <source>the load</source>
        <translation>l’heure du chargement</translation>
    </message>
    <message>
        <source>%1; changed since: Reload (F5) shows the new data</source>
        <translation>%1&#x202f;; modifiée depuis&#xa0;: Recharger (F5) affiche les nouvelles données</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Chargement annulé</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>chargement annulé</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>loaded, %n unreadable records skipped</source>
        <translation>
            <numerusform>chargée, %n enregistrement illisible ignoré</numerusform>
            <numerusform>chargée, %n enregistrements illisibles ignorés</numerusform>
        </translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>chargée</translation>
    </message>
    <message>
        <source> (%1 only)</source>
        <translation> (%1 uniquement)</translation>
    </message>
    <message numerus="yes">
        <source>Loaded; %n unreadable records skipped</source>
        <translation>
            <numerusform>Chargée&#x202f;; %n enregistrement illisible ignoré</numerusform>
            <numerusform>Chargée&#x202f;; %n enregistrements illisibles ignorés</numerusform>
        </translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Chargée</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion en cours…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation>fermé&#xa0;: %1</translation>
    </message>
    <message>
        <source>gap after event %1: %2 events the server no longer holds</source>
        <translation>lacune après l’événement %1&#xa0;: le serveur ne conserve plus %2 événements</translation>
    </message>
    <message>
        <source>some</source>
        <translation>certains</translation>
    </message>
</context>
<context>
    <name>StateScope::DemoEngine</name>
    <message>
        <source>no temporary directory for the demo database</source>
        <translation>aucun répertoire temporaire pour la base de données de démonstration</translation>
    </message>
</context>
<context>
    <name>StateScope::DemoEngineWorker</name>
    <message>
        <source>demo database: %1</source>
        <translation>base de données de démonstration&#xa0;: %1</translation>
    </message>
    <message>
        <source>demo feed: %1</source>
        <translation>flux de démonstration&#xa0;: %1</translation>
    </message>
    <message>
        <source>demo recovery API: %1</source>
        <translation>API de restauration de démonstration&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>StateScope::ExecutionsModel</name>
    <message>
        <source>Execution</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>In state since</source>
        <translation>Dans l’état depuis</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Transitions</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
</context>
<context>
    <name>StateScope::GaugeWidget</name>
    <message>
        <source>no value</source>
        <translation>aucune valeur</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
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
        <translation>Aucune source ouverte. Ouvrir une base de données ou un journal d’événements (Ctrl+O), se connecter à un flux en direct (Ctrl+Maj+O), ou démarrer avec&#xa0;: statescope --demo</translation>
    </message>
    <message>
        <source>Report summary</source>
        <translation>Résumé du rapport</translation>
    </message>
    <message>
        <source>State diagram</source>
        <translation>Diagramme d’états</translation>
    </message>
    <message numerus="yes">
        <source>%Ln executions</source>
        <translation>
            <numerusform>%Ln exécution</numerusform>
            <numerusform>%Ln exécutions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln transitions</source>
        <translation>
            <numerusform>%Ln transition</numerusform>
            <numerusform>%Ln transitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln states</source>
        <translation>
            <numerusform>%Ln état</numerusform>
            <numerusform>%Ln états</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln running</source>
        <translation>
            <numerusform>%Ln en cours</numerusform>
            <numerusform>%Ln en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln alerts</source>
        <translation>
            <numerusform>%Ln alerte</numerusform>
            <numerusform>%Ln alertes</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1: %2 rows</source>
        <translation>Lecture de %1&#xa0;: %2 lignes</translation>
    </message>
    <message>
        <source>Could not open the source: %1</source>
        <translation>Impossible d’ouvrir la source&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Database or Log…</source>
        <translation>&amp;Ouvrir une base de données ou un journal…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <source>Open a SQLite state database, a postgresql:// URL or a JSONL event log (Ctrl+O)</source>
        <translation>Ouvrir une base d’états SQLite, une URL postgresql:// ou un journal d’événements JSONL (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Connect to Feed…</source>
        <translation>Se &amp;connecter à un flux…</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Connecter…</translation>
    </message>
    <message>
        <source>Connect to a live statescope-feed/1 server (Ctrl+Shift+O)</source>
        <translation>Se connecter à un serveur en direct statescope-feed/1 (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>Attach &amp;Definition…</source>
        <translation>Joindre une &amp;définition…</translation>
    </message>
    <message>
        <source>Check the data against a state machine definition (Amazon States Language or the state_machines form)</source>
        <translation>Vérifier les données par rapport à une définition de machine à états (Amazon States Language ou la forme state_machines)</translation>
    </message>
    <message>
        <source>&amp;Engine Recovery API…</source>
        <translation>&amp;API de restauration du moteur…</translation>
    </message>
    <message>
        <source>Send recoveries to the engine&apos;s REST API instead of writing the database</source>
        <translation>Envoyer les restaurations à l’API REST du moteur au lieu d’écrire dans la base de données</translation>
    </message>
    <message>
        <source>Load the open database or event log again, with what changed since (F5)</source>
        <translation>Recharger la base de données ou le journal d’événements ouvert, avec ce qui a changé depuis (F5)</translation>
    </message>
    <message>
        <source>Stop every live feed; the data received so far stays</source>
        <translation>Arrêter tous les flux en direct&#x202f;; les données déjà reçues sont conservées</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Stop every feed and drop the data of every source (Ctrl+W)</source>
        <translation>Arrêter tous les flux et abandonner les données de toutes les sources (Ctrl+W)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Transition matrix</source>
        <translation>Matrice de transition</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Cohérence</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Arrêter le chargement</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démonstration</translation>
    </message>
    <message>
        <source>The demo engine could not start: %1</source>
        <translation>Le moteur de démonstration n’a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Starting the demo engine…</source>
        <translation>Démarrage du moteur de démonstration…</translation>
    </message>
    <message>
        <source>Open State Database or Event Log</source>
        <translation>Ouvrir une base d’états ou un journal d’événements</translation>
    </message>
    <message>
        <source>State data (*.sqlite *.sqlite3 *.db *.jsonl *.jsonl.gz *.csv *.xes *.xes.gz);;All files (*)</source>
        <translation>Données d’états (*.sqlite *.sqlite3 *.db *.jsonl *.jsonl.gz *.csv *.xes *.xes.gz);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>Definition %1 attached; it has %n structural errors (Analytics, validation)</source>
        <translation>
            <numerusform>Définition %1 jointe&#x202f;; elle contient %n erreur structurelle (Analyses, validation)</numerusform>
            <numerusform>Définition %1 jointe&#x202f;; elle contient %n erreurs structurelles (Analyses, validation)</numerusform>
        </translation>
    </message>
    <message>
        <source>Definition %1 attached</source>
        <translation>Définition %1 jointe</translation>
    </message>
    <message>
        <source>Attach State Machine Definition</source>
        <translation>Joindre une définition de machine à états</translation>
    </message>
    <message>
        <source>Definitions (*.asl.json *.json);;All files (*)</source>
        <translation>Définitions (*.asl.json *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Attach Definition</source>
        <translation>Joindre une définition</translation>
    </message>
    <message>
        <source>Recoveries now go to the engine at %1</source>
        <translation>Les restaurations sont désormais envoyées au moteur à l’adresse %1</translation>
    </message>
    <message>
        <source>Execution %1: %2</source>
        <translation>Exécution %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Aucune donnée</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 événements/s</translation>
    </message>
    <message>
        <source>Source unreachable, reconnecting</source>
        <translation>Source inaccessible, reconnexion en cours</translation>
    </message>
    <message>
        <source>data is stale: last confirmed %1 s ago</source>
        <translation>données périmées&#xa0;: confirmées pour la dernière fois il y a %1 s</translation>
    </message>
    <message>
        <source>data is %1 s old</source>
        <translation>données vieilles de %1 s</translation>
    </message>
    <message>
        <source>State Diagram</source>
        <translation>Diagramme d’états</translation>
    </message>
    <message>
        <source>Transition Matrix</source>
        <translation>Matrice de transition</translation>
    </message>
    <message>
        <source>%1 as Image…</source>
        <translation>%1 en tant qu’image…</translation>
    </message>
    <message>
        <source>Report as JSON…</source>
        <translation>Rapport en JSON…</translation>
    </message>
    <message>
        <source>Report as CSV (one row per state)…</source>
        <translation>Rapport en CSV (une ligne par état)…</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>Rapport en PDF…</translation>
    </message>
    <message>
        <source>Evidence Bundle…</source>
        <translation>Dossier de preuves…</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Exporter %1</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Exporter le rapport</translation>
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
        <translation>Exporter le rapport en PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Evidence Bundle</source>
        <translation>Dossier de preuves</translation>
    </message>
    <message>
        <source>There is no data to bundle: open a source first.</source>
        <translation>Il n’y a aucune donnée à rassembler&#xa0;: ouvrez d’abord une source.</translation>
    </message>
    <message>
        <source>Export Evidence Bundle</source>
        <translation>Exporter un dossier de preuves</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite *.db)</source>
        <translation>Base de données SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>The evidence bundle was not written.

%1</source>
        <translation>Le dossier de preuves n’a pas été écrit.

%1</translation>
    </message>
    <message>
        <source>Saved %1: %2 executions, %3 transitions, %4 audit rows</source>
        <translation>%1 enregistré&#xa0;: exécutions&#xa0;: %2, transitions&#xa0;: %3, lignes d’audit&#xa0;: %4</translation>
    </message>
    <message>
        <source>Writing the evidence bundle %1…</source>
        <translation>Écriture du dossier de preuves %1…</translation>
    </message>
    <message>
        <source>&amp;Current View as Image…</source>
        <translation>Vue a&amp;ctuelle en tant qu’image…</translation>
    </message>
    <message>
        <source>Save the pane that has the keyboard focus (else the state diagram) as PNG, SVG or PDF</source>
        <translation>Enregistrer le panneau qui a le focus clavier (sinon le diagramme d’états) en PNG, SVG ou PDF</translation>
    </message>
    <message>
        <source>Keep the newest events in view (F)</source>
        <translation>Garder les événements les plus récents en vue (F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Sources &amp;récentes</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Find Execution…</source>
        <translation>&amp;Rechercher une exécution…</translation>
    </message>
    <message>
        <source>Search the executions by id in the Sources pane</source>
        <translation>Rechercher les exécutions par identifiant dans le panneau Sources</translation>
    </message>
    <message>
        <source>&amp;Recover Selected Checkpoint…</source>
        <translation>Restaurer le point de contrôle &amp;sélectionné…</translation>
    </message>
    <message>
        <source>Recovery: select an execution and one of its checkpoints first (the Recovery pane says what is missing)</source>
        <translation>Restauration&#xa0;: sélectionnez d’abord une exécution et l’un de ses points de contrôle (le panneau Restauration indique ce qui manque)</translation>
    </message>
    <message>
        <source>Open the recovery of the checkpoint selected in the Recovery pane</source>
        <translation>Ouvrir la restauration du point de contrôle sélectionné dans le panneau Restauration</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Palette de commandes…</translation>
    </message>
    <message>
        <source>Find and run any command by typing part of its name</source>
        <translation>Trouver et lancer n’importe quelle commande en tapant une partie de son nom</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>A&amp;juster à la vue</translation>
    </message>
    <message>
        <source>&amp;Go to Pane</source>
        <translation>A&amp;ller au panneau</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Plein écran</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About StateScope</source>
        <translation>À &amp;propos de StateScope</translation>
    </message>
    <message>
        <source>About StateScope</source>
        <translation>À propos de StateScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;StateScope %1&lt;/h3&gt;&lt;p&gt;Workflow state analytics: state diagrams, timelines, transition matrices, consistency and recovery of workflow engines, from databases, event logs and live feeds.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;StateScope %1&lt;/h3&gt;&lt;p&gt;Analyse des états de workflows&#xa0;: diagrammes d’états, chronologies, matrices de transition, cohérence et restauration des moteurs de workflow, à partir de bases de données, de journaux d’événements et de flux en direct.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>The language changes the next time StateScope starts.</source>
        <translation>La langue changera au prochain démarrage de StateScope.</translation>
    </message>
    <message>
        <source> (not found)</source>
        <translation> (introuvable)</translation>
    </message>
    <message>
        <source>%1 no longer exists</source>
        <translation>%1 n’existe plus</translation>
    </message>
    <message>
        <source>No Recent Sources</source>
        <translation>Aucune source récente</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation>Sources récentes</translation>
    </message>
    <message>
        <source>%1 no longer exists, so it was removed from the recent sources.</source>
        <translation>%1 n’existe plus&#x202f;; cette entrée a donc été retirée des sources récentes.</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Rec&amp;harger</translation>
    </message>
    <message>
        <source>Disconnect &amp;Feeds</source>
        <translation>Déconnecter les f&amp;lux</translation>
    </message>
    <message>
        <source>Close &amp;All Sources</source>
        <translation>&amp;Fermer toutes les sources</translation>
    </message>
    <message>
        <source>Follow &amp;Live</source>
        <translation>&amp;Suivre en direct</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
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
        <translation>Aucune transition</translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>Nombre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Probability: %1 (%2)</source>
        <translation>Probabilité&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Mean dwell before the move: %1</source>
        <translation>Séjour moyen avant la transition&#xa0;: %1</translation>
    </message>
    <message>
        <source>(terminal)</source>
        <translation>(terminal)</translation>
    </message>
    <message>
        <source>(trapped)</source>
        <translation>(piège)</translation>
    </message>
    <message>
        <source>Steady state π: %1 (%2)</source>
        <translation>Distribution stationnaire π&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Time share: %1</source>
        <translation>Part du temps&#xa0;: %1</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Count (log scale)</source>
        <translation>Nombre (échelle logarithmique)</translation>
    </message>
    <message>
        <source>Mean dwell before the move (log scale)</source>
        <translation>Séjour moyen avant la transition (échelle logarithmique)</translation>
    </message>
    <message>
        <source>Mean dwell: no event store</source>
        <translation>Séjour moyen&#xa0;: aucun magasin d’événements</translation>
    </message>
</context>
<context>
    <name>StateScope::MatrixView</name>
    <message>
        <source>Probability matrix</source>
        <translation>Matrice des probabilités</translation>
    </message>
    <message>
        <source>Cell color: %1. Grey cells: no transitions. Right-click to show probability, count or mean dwell.</source>
        <translation>Couleur des cellules&#xa0;: %1. Cellules grises&#xa0;: aucune transition. Clic droit pour afficher la probabilité, le nombre ou le séjour moyen.</translation>
    </message>
    <message>
        <source>Transition probability</source>
        <translation>Probabilité de transition</translation>
    </message>
    <message>
        <source>Transition count</source>
        <translation>Nombre de transitions</translation>
    </message>
    <message>
        <source>Mean dwell per edge</source>
        <translation>Séjour moyen par arête</translation>
    </message>
    <message>
        <source>No transitions to show</source>
        <translation>Aucune transition à afficher</translation>
    </message>
    <message>
        <source>Too small to show the matrix</source>
        <translation>Trop petit pour afficher la matrice</translation>
    </message>
    <message>
        <source>Steady state π</source>
        <translation>Distribution stationnaire π</translation>
    </message>
    <message>
        <source>Time share</source>
        <translation>Part du temps</translation>
    </message>
    <message>
        <source>no transitions</source>
        <translation>aucune transition</translation>
    </message>
    <message>
        <source>dwell unknown</source>
        <translation>séjour inconnu</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>legend title</comment>
        <translation>%1&#xa0;:</translation>
    </message>
</context>
<context>
    <name>StateScope::PredictionsModel</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n autre</numerusform>
            <numerusform>+%n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Next state from %1:</source>
        <translation>État suivant après %1&#xa0;:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Probability that an execution in %1 ends in %2</source>
        <translation>Probabilité qu’une exécution dans %1 se termine dans %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Outcome of %1:</source>
        <translation>Issue de %1&#xa0;:</translation>
    </message>
    <message>
        <source>Double-click to show execution %1</source>
        <translation>Double-cliquer pour afficher l’exécution %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Expected time until a terminal state</source>
        <translation>Temps attendu avant un état terminal</translation>
    </message>
    <message>
        <source>Expected remaining</source>
        <translation>Temps restant prévu</translation>
    </message>
    <message>
        <source>Next state</source>
        <translation>État suivant</translation>
    </message>
    <message>
        <source>Probability of ending in %1</source>
        <translation>Probabilité de se terminer dans %1</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>In state for</source>
        <translation>Dans l’état depuis</translation>
    </message>
    <message>
        <source>Most likely next</source>
        <translation>État suivant le plus probable</translation>
    </message>
    <message>
        <source>Most likely outcome</source>
        <translation>Issue la plus probable</translation>
    </message>
</context>
<context>
    <name>StateScope::Preferences</name>
    <message>
        <source>The lag threshold must be between %1 and %2 ms.</source>
        <translation>Le seuil de retard doit être compris entre %1 et %2 ms.</translation>
    </message>
    <message>
        <source>The memory budget must be between %1 and %2 MB.</source>
        <translation>Le budget mémoire doit être compris entre %1 et %2 Mo.</translation>
    </message>
    <message>
        <source>The refresh rate must be between %1 and %2 Hz.</source>
        <translation>La fréquence de rafraîchissement doit être comprise entre %1 et %2 Hz.</translation>
    </message>
    <message>
        <source>Unknown theme &quot;%1&quot;.</source>
        <translation>Thème inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;.</source>
        <translation>Langue inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
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
        <translation> Mo</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Lag threshold</source>
        <translation>Seuil de retard</translation>
    </message>
    <message>
        <source>A replica lagging more than this is out of sync: the consistency score and gauges use it</source>
        <translation>Une réplique plus en retard que cela est désynchronisée&#xa0;: le score de cohérence et les jauges s’en servent</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Budget mémoire</translation>
    </message>
    <message>
        <source>The memory the dashboard may use; past it, the oldest finished executions of live data are folded into summaries</source>
        <translation>La mémoire que le tableau de bord peut utiliser&#x202f;; au-delà, les plus anciennes exécutions terminées des données en direct sont condensées en résumés</translation>
    </message>
    <message>
        <source>Refresh rate</source>
        <translation>Fréquence de rafraîchissement</translation>
    </message>
    <message>
        <source>How often live data reaches the views</source>
        <translation>Fréquence à laquelle les données en direct parviennent aux vues</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language applies after a restart.</source>
        <translation>La langue s’applique après un redémarrage.</translation>
    </message>
    <message>
        <source>&amp;Lag threshold:</source>
        <translation>Seuil de &amp;retard&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Memory budget:</source>
        <translation>Budget &amp;mémoire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Refresh rate:</source>
        <translation>&amp;Fréquence de rafraîchissement&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
</context>
<context>
    <name>StateScope::RecoveryDialog</name>
    <message>
        <source>%1 is not a state database: recovery needs an SQLite file or a PostgreSQL URL</source>
        <translation>%1 n’est pas une base d’états&#xa0;: la restauration nécessite un fichier SQLite ou une URL PostgreSQL</translation>
    </message>
    <message>
        <source>about %1 remaining</source>
        <translation>encore environ %1</translation>
    </message>
    <message>
        <source>Recover Execution %1</source>
        <translation>Restaurer l’exécution %1</translation>
    </message>
    <message>
        <source>Reading the preview from %1…</source>
        <translation>Lecture de l’aperçu depuis %1…</translation>
    </message>
    <message>
        <source>Recovery summary</source>
        <translation>Résumé de la restauration</translation>
    </message>
    <message>
        <source>Checksum status</source>
        <translation>État de la somme de contrôle</translation>
    </message>
    <message>
        <source>Outcome prediction</source>
        <translation>Prévision de l’issue</translation>
    </message>
    <message>
        <source>No outcome prediction for the checkpoint&apos;s state.</source>
        <translation>Aucune prévision d’issue pour l’état du point de contrôle.</translation>
    </message>
    <message>
        <source>Recovery preview</source>
        <translation>Aperçu de la restauration</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Why this recovery is needed (kept in the audit log)</source>
        <translation>Pourquoi cette restauration est nécessaire (conservé dans le journal d’audit)</translation>
    </message>
    <message>
        <source>Typed execution id</source>
        <translation>Identifiant d’exécution saisi</translation>
    </message>
    <message>
        <source>The execution id, or its first 8 characters: %1</source>
        <translation>L’identifiant de l’exécution, ou ses 8 premiers caractères&#xa0;: %1</translation>
    </message>
    <message>
        <source>Why Recover is disabled</source>
        <translation>Pourquoi «&#xa0;Restaurer&#xa0;» est désactivé</translation>
    </message>
    <message>
        <source>Recovery result</source>
        <translation>Résultat de la restauration</translation>
    </message>
    <message>
        <source>Feed events of the recovery</source>
        <translation>Événements du flux pour la restauration</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Type the execution id:</source>
        <translation>&amp;Saisir l’identifiant de l’exécution&#xa0;:</translation>
    </message>
    <message>
        <source>From %1 (a terminal state): the execution ends there.</source>
        <translation>Depuis %1 (un état terminal)&#xa0;: l’exécution s’y termine.</translation>
    </message>
    <message>
        <source>Predicted from %1: %2</source>
        <translation>Prévision depuis %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Checksum %1 · %2 · update conditional on state version %3 · transitions rolled back: %4</source>
        <translation>Somme de contrôle %1 · %2 · mise à jour conditionnée à la version d’état %3 · transitions annulées&#xa0;: %4</translation>
    </message>
    <message>
        <source>recoverable</source>
        <translation>restaurable</translation>
    </message>
    <message>
        <source>not recoverable</source>
        <translation>non restaurable</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The recovery was sent; the feed and a reload show the new state.</source>
        <translation>La restauration a été envoyée&#x202f;; le flux et un rechargement affichent le nouvel état.</translation>
    </message>
    <message>
        <source>The recovery was attempted; the dashboard reloads the source to show the new state.</source>
        <translation>La restauration a été tentée&#x202f;; le tableau de bord recharge la source pour afficher le nouvel état.</translation>
    </message>
    <message>
        <source>Recovering…</source>
        <translation>Restauration en cours…</translation>
    </message>
    <message>
        <source>Waiting for the preview.</source>
        <translation>En attente de l’aperçu.</translation>
    </message>
    <message>
        <source>Recover is disabled: the recovery is refused (see above).</source>
        <translation>«&#xa0;Restaurer&#xa0;» est désactivé&#xa0;: la restauration est refusée (voir ci-dessus).</translation>
    </message>
    <message>
        <source>Recover is disabled: engineer mode is off.</source>
        <translation>«&#xa0;Restaurer&#xa0;» est désactivé&#xa0;: le mode expert est inactif.</translation>
    </message>
    <message>
        <source>Recover is disabled: enter a reason.</source>
        <translation>«&#xa0;Restaurer&#xa0;» est désactivé&#xa0;: indiquez un motif.</translation>
    </message>
    <message>
        <source>Recover is disabled: type the execution id (or its first 8 characters) to confirm.</source>
        <translation>«&#xa0;Restaurer&#xa0;» est désactivé&#xa0;: saisissez l’identifiant de l’exécution (ou ses 8 premiers caractères) pour confirmer.</translation>
    </message>
    <message>
        <source>Ready: Recover asks the engine at %1 to apply it.</source>
        <translation>Prêt&#xa0;: «&#xa0;Restaurer&#xa0;» demande au moteur à l’adresse %1 de l’appliquer.</translation>
    </message>
    <message>
        <source>Ready: Recover changes the database.</source>
        <translation>Prêt&#xa0;: «&#xa0;Restaurer&#xa0;» modifie la base de données.</translation>
    </message>
    <message>
        <source>The engine recovered the execution: %1</source>
        <translation>Le moteur a restauré l’exécution&#xa0;: %1</translation>
    </message>
    <message>
        <source>The engine did not recover the execution: %1</source>
        <translation>Le moteur n’a pas restauré l’exécution&#xa0;: %1</translation>
    </message>
    <message>
        <source>It may or may not have applied it: check the feed and the Recovery pane after a reload.</source>
        <translation>Elle a pu être appliquée ou non&#xa0;: vérifiez le flux et le panneau Restauration après un rechargement.</translation>
    </message>
    <message>
        <source>The attempt could not be logged in audit_log: %1</source>
        <translation>La tentative n’a pas pu être consignée dans audit_log&#xa0;: %1</translation>
    </message>
    <message>
        <source>Waiting for the feed&apos;s recovery events for %1…</source>
        <translation>En attente des événements de restauration du flux pour %1…</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>initiated</source>
        <translation>lancée</translation>
    </message>
    <message>
        <source>Feed: recovery %1 %2</source>
        <translation>Flux&#xa0;: restauration %1 %2</translation>
    </message>
    <message>
        <source>, to %1</source>
        <translation>, vers %1</translation>
    </message>
    <message>
        <source> in %1 ms</source>
        <translation> en %1 ms</translation>
    </message>
    <message>
        <source>Recovered: %1 (%2 ms)</source>
        <translation>Restaurée&#xa0;: %1 (%2 ms)</translation>
    </message>
    <message>
        <source>The attempt could not be logged: %1</source>
        <translation>La tentative n’a pas pu être consignée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Recovery refused: %1</source>
        <translation>Restauration refusée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Recovery failed: %1</source>
        <translation>Restauration échouée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>StateScope::RecoveryHistoryChart</name>
    <message>
        <source>succeeded</source>
        <translation>réussies</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouées</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>issue inconnue</translation>
    </message>
    <message>
        <source>Recovery history chart</source>
        <translation>Graphique de l’historique des restaurations</translation>
    </message>
    <message>
        <source>Success rate %1 % (%2 of %3)</source>
        <translation>Taux de réussite %1&#xa0;% (%2 sur %3)</translation>
    </message>
    <message>
        <source>No recoveries</source>
        <translation>Aucune restauration</translation>
    </message>
    <message>
        <source>No recovery here has a recorded time</source>
        <translation>Aucune restauration ici n’a d’heure enregistrée</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>par an</translation>
    </message>
    <message>
        <source>per %1 years</source>
        <translation>par %1 ans</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>par semaine</translation>
    </message>
    <message>
        <source>per %1 weeks</source>
        <translation>par %1 semaines</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>par jour</translation>
    </message>
    <message>
        <source>per %1 days</source>
        <translation>par %1 jours</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>par heure</translation>
    </message>
    <message>
        <source>per %1 hours</source>
        <translation>par %1 heures</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>par minute</translation>
    </message>
    <message>
        <source>per %1 minutes</source>
        <translation>par %1 minutes</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>par seconde</translation>
    </message>
    <message>
        <source>per %1 seconds</source>
        <translation>par %1 secondes</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed</source>
        <translation>réussies&#xa0;: %1, échouées&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 of unknown outcome</source>
        <translation>issue inconnue&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>StateScope::RecoveryPane</name>
    <message>
        <source>Recovery history</source>
        <translation>Historique des restaurations</translation>
    </message>
    <message>
        <source>&amp;Engineer mode</source>
        <translation>Mode &amp;expert</translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Selected execution</source>
        <translation>Exécution sélectionnée</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Points de contrôle</translation>
    </message>
    <message>
        <source>Workflow recovery history</source>
        <translation>Historique des restaurations du workflow</translation>
    </message>
    <message>
        <source>Data loss</source>
        <translation>Perte de données</translation>
    </message>
    <message>
        <source>From the data_loss column of the recovery log, for the recoveries that succeeded: a failed attempt changes nothing.</source>
        <translation>D’après la colonne data_loss du journal des restaurations, pour les restaurations réussies&#xa0;: une tentative échouée ne change rien.</translation>
    </message>
    <message>
        <source>Engineer mode</source>
        <translation>Mode expert</translation>
    </message>
    <message>
        <source>Allow recovering executions to a checkpoint. Off by default; remembered only until this window closes.</source>
        <translation>Autorise la restauration des exécutions à un point de contrôle. Désactivé par défaut&#x202f;; mémorisé seulement jusqu’à la fermeture de cette fenêtre.</translation>
    </message>
    <message>
        <source>Engineer mode banner</source>
        <translation>Bandeau du mode expert</translation>
    </message>
    <message>
        <source>Engineer mode is on: Recover… changes the database.</source>
        <translation>Le mode expert est actif&#xa0;: «&#xa0;Restaurer…&#xa0;» modifie la base de données.</translation>
    </message>
    <message>
        <source>Preview, confirm and carry out a recovery of the execution to the selected checkpoint</source>
        <translation>Prévisualiser, confirmer et effectuer une restauration de l’exécution au point de contrôle sélectionné</translation>
    </message>
    <message>
        <source>Why recovery is unavailable</source>
        <translation>Pourquoi la restauration est indisponible</translation>
    </message>
    <message>
        <source>Where recoveries go</source>
        <translation>Destination des restaurations</translation>
    </message>
    <message>
        <source>Select an execution (timeline or Sources) to see its checkpoints.</source>
        <translation>Sélectionnez une exécution (chronologie ou Sources) pour voir ses points de contrôle.</translation>
    </message>
    <message>
        <source>Execution %1 · checkpoints: %2</source>
        <translation>Exécution %1 · points de contrôle&#xa0;: %2</translation>
    </message>
    <message>
        <source>Recovery is read-only: turn on engineer mode to recover.</source>
        <translation>La restauration est en lecture seule&#xa0;: activez le mode expert pour restaurer.</translation>
    </message>
    <message>
        <source>Recover… is disabled while the source loads.</source>
        <translation>«&#xa0;Restaurer…&#xa0;» est désactivé pendant le chargement de la source.</translation>
    </message>
    <message>
        <source>Recover… is disabled: the database is not answering (reconnecting).</source>
        <translation>«&#xa0;Restaurer…&#xa0;» est désactivé&#xa0;: la base de données ne répond pas (reconnexion en cours).</translation>
    </message>
    <message>
        <source>Recover… needs a state database source (an SQLite file or a PostgreSQL URL).</source>
        <translation>«&#xa0;Restaurer…&#xa0;» nécessite une base d’états comme source (un fichier SQLite ou une URL PostgreSQL).</translation>
    </message>
    <message>
        <source>Recover… is disabled: select an execution.</source>
        <translation>«&#xa0;Restaurer…&#xa0;» est désactivé&#xa0;: sélectionnez une exécution.</translation>
    </message>
    <message>
        <source>Recover… is disabled: select a checkpoint.</source>
        <translation>«&#xa0;Restaurer…&#xa0;» est désactivé&#xa0;: sélectionnez un point de contrôle.</translation>
    </message>
    <message>
        <source>A recovery dialog is open.</source>
        <translation>Une boîte de dialogue de restauration est ouverte.</translation>
    </message>
    <message>
        <source>This checkpoint is %1%2: the preview will show why a recovery to it is refused.</source>
        <translation>Ce point de contrôle est %1%2&#xa0;: l’aperçu indiquera pourquoi une restauration vers lui est refusée.</translation>
    </message>
    <message>
        <source> and not recoverable</source>
        <translation> et non restaurable</translation>
    </message>
    <message>
        <source>Recoveries go to the engine at %1 (its REST API applies them).</source>
        <translation>Les restaurations sont envoyées au moteur à l’adresse %1 (son API REST les applique).</translation>
    </message>
    <message>
        <source>Engineer mode is on: Recover… asks the engine to change the execution.</source>
        <translation>Le mode expert est actif&#xa0;: «&#xa0;Restaurer…&#xa0;» demande au moteur de modifier l’exécution.</translation>
    </message>
    <message>
        <source>the data</source>
        <translation>les données</translation>
    </message>
    <message>
        <source>workflow %1</source>
        <translation>le workflow %1</translation>
    </message>
    <message>
        <source>No recoveries in %1</source>
        <translation>Aucune restauration dans %1</translation>
    </message>
    <message>
        <source>1 attempt</source>
        <translation>1 tentative</translation>
    </message>
    <message>
        <source>%1 attempts</source>
        <translation>%1 tentatives</translation>
    </message>
    <message>
        <source>, %1 succeeded (%2 %)</source>
        <translation>, réussies&#xa0;: %1 (%2&#xa0;%)</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, échouées&#xa0;: %1</translation>
    </message>
    <message>
        <source>, %1 of unknown outcome</source>
        <translation>, issue inconnue&#xa0;: %1</translation>
    </message>
    <message>
        <source> · mean %1</source>
        <translation> · moyenne %1</translation>
    </message>
    <message>
        <source>This execution: no recoveries.</source>
        <translation>Cette exécution&#xa0;: aucune restauration.</translation>
    </message>
    <message>
        <source>This execution: %1</source>
        <translation>Cette exécution&#xa0;: %1</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>réussie</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>issue inconnue</translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation>heure inconnue</translation>
    </message>
    <message>
        <source>Last: %1, to %2, %3</source>
        <translation>Dernière&#xa0;: %1, vers %2, %3</translation>
    </message>
    <message>
        <source>Recoveries in %1: none.</source>
        <translation>Restaurations dans %1&#xa0;: aucune.</translation>
    </message>
    <message>
        <source>Recoveries in %1: %2</source>
        <translation>Restaurations dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source> (%1 of them summarized to save memory: not in the chart)</source>
        <translation> (dont %1 résumées pour économiser la mémoire&#xa0;: absentes du graphique)</translation>
    </message>
    <message>
        <source>Data lost: none, no recovery succeeded.</source>
        <translation>Données perdues&#xa0;: aucune, aucune restauration n’a réussi.</translation>
    </message>
    <message>
        <source>Data lost: unknown, the recovery log recorded it for none of the %1 succeeded recoveries.</source>
        <translation>Données perdues&#xa0;: inconnues, le journal des restaurations ne les a consignées pour aucune des %1 restaurations réussies.</translation>
    </message>
    <message>
        <source>%1 of %2 succeeded recoveries recorded it</source>
        <translation>consignées pour %1 des %2 restaurations réussies</translation>
    </message>
    <message numerus="yes">
        <source>%n transitions rolled back</source>
        <translation>
            <numerusform>%n transition annulée</numerusform>
            <numerusform>%n transitions annulées</numerusform>
        </translation>
    </message>
    <message>
        <source>transitions rolled back not recorded</source>
        <translation>transitions annulées non consignées</translation>
    </message>
    <message numerus="yes">
        <source>%n variable values changed</source>
        <translation>
            <numerusform>%n valeur de variable modifiée</numerusform>
            <numerusform>%n valeurs de variables modifiées</numerusform>
        </translation>
    </message>
    <message>
        <source>variable changes not recorded</source>
        <translation>modifications de variables non consignées</translation>
    </message>
    <message>
        <source>Data lost: %1, %2 (%3).</source>
        <translation>Données perdues&#xa0;: %1, %2 (%3).</translation>
    </message>
    <message>
        <source>Data lost: %1, %2.</source>
        <translation>Données perdues&#xa0;: %1, %2.</translation>
    </message>
</context>
<context>
    <name>StateScope::ReplicaNodesModel</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1: lag %2, over the %3 threshold</source>
        <translation>%1&#xa0;: retard %2, au-delà du seuil de %3</translation>
    </message>
    <message>
        <source>%1: lag %2, within the %3 threshold</source>
        <translation>%1&#xa0;: retard %2, dans le seuil de %3</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Retard</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Modifications en attente</translation>
    </message>
</context>
<context>
    <name>StateScope::ReportPdf</name>
    <message>
        <source>page %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <source>%1: not shown in the window, so not drawn.</source>
        <translation>%1&#xa0;: non affiché dans la fenêtre, donc non dessiné.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… et %n autre.</numerusform>
            <numerusform>… et %n autres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>no definition to check against</source>
        <translation>aucune définition de référence</translation>
    </message>
    <message>
        <source>%1 of executions follow %2</source>
        <translation>%1 des exécutions suivent %2</translation>
    </message>
    <message>
        <source>%1 of %2 verified</source>
        <translation>%1 sur %2 vérifiés</translation>
    </message>
    <message>
        <source>, %1 corrupted</source>
        <translation>, %1 corrompus</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>%1 (%2 finished, %3 running)</source>
        <translation>%1 (%2 terminées, %3 en cours)</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Transitions</translation>
    </message>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
    <message>
        <source>Conformance rate</source>
        <translation>Taux de conformité</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <source>%1 distinct paths of finished executions</source>
        <translation>%1 chemins distincts parmi les exécutions terminées</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Points de contrôle</translation>
    </message>
    <message>
        <source>Recoveries</source>
        <translation>Restaurations</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 of %2 succeeded</source>
        <translation>%1 sur %2 réussies</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque&#xa0;: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>trapped</source>
        <translation>piège</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>Dans l’état</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Séjours</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
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
        <translation>Stationnaire</translation>
    </message>
    <message>
        <source>Time share</source>
        <translation>Part du temps</translation>
    </message>
    <message>
        <source>No transitions in the selection.</source>
        <translation>Aucune transition dans la sélection.</translation>
    </message>
    <message>
        <source>Top transitions</source>
        <translation>Transitions les plus fréquentes</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>No transitions.</source>
        <translation>Aucune transition.</translation>
    </message>
    <message>
        <source>The %1 most frequent of %2 transitions.</source>
        <translation>Les %1 plus fréquentes des %2 transitions.</translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation>Goulots d’étranglement</translation>
    </message>
    <message>
        <source>bottleneck</source>
        <translation>goulot d’étranglement</translation>
    </message>
    <message>
        <source>Mean dwell</source>
        <translation>Séjour moyen</translation>
    </message>
    <message>
        <source>Severity (z)</source>
        <translation>Gravité (z)</translation>
    </message>
    <message>
        <source>No dwell times in the selection.</source>
        <translation>Aucun temps de séjour dans la sélection.</translation>
    </message>
    <message>
        <source>Top variants</source>
        <translation>Variantes les plus fréquentes</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>No finished executions.</source>
        <translation>Aucune exécution terminée.</translation>
    </message>
    <message>
        <source>Invalid transitions (conformance)</source>
        <translation>Transitions invalides (conformité)</translation>
    </message>
    <message>
        <source>Example executions</source>
        <translation>Exemples d’exécutions</translation>
    </message>
    <message>
        <source>Every transition is allowed by the definition.</source>
        <translation>Toutes les transitions sont autorisées par la définition.</translation>
    </message>
    <message>
        <source>No definition to check against.</source>
        <translation>Aucune définition de référence.</translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation>Constats de validation</translation>
    </message>
    <message>
        <source>structural error</source>
        <translation>erreur structurelle</translation>
    </message>
    <message>
        <source>unreachable state</source>
        <translation>état inaccessible</translation>
    </message>
    <message>
        <source>deadlock</source>
        <translation>interblocage</translation>
    </message>
    <message>
        <source>trapped state</source>
        <translation>état piège</translation>
    </message>
    <message>
        <source>no error handling</source>
        <translation>aucune gestion d’erreur</translation>
    </message>
    <message>
        <source>non-deterministic</source>
        <translation>non déterministe</translation>
    </message>
    <message>
        <source>%1 on %2 goes to %3</source>
        <translation>%1 sur %2 mène à %3</translation>
    </message>
    <message>
        <source>(no event)</source>
        <translation>(aucun événement)</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Aucun constat.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifiés</translation>
    </message>
    <message>
        <source>Corrupted</source>
        <translation>Corrompus</translation>
    </message>
    <message>
        <source>Unverifiable (no checksum)</source>
        <translation>Invérifiables (sans somme de contrôle)</translation>
    </message>
    <message>
        <source>checksum does not match</source>
        <translation>la somme de contrôle ne correspond pas</translation>
    </message>
    <message>
        <source>Corrupted checkpoint</source>
        <translation>Point de contrôle corrompu</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussies</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>mean %1, p95 %2</source>
        <translation>moyenne %1, p95 %2</translation>
    </message>
    <message>
        <source>Failed recovery</source>
        <translation>Restauration échouée</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Cohérence</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>violated</source>
        <translation>en violation</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correct</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Échantillons</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Max lag</source>
        <translation>Retard max.</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Dernier</translation>
    </message>
    <message>
        <source>No consistency samples in the selection.</source>
        <translation>Aucun échantillon de cohérence dans la sélection.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>Aucune alerte.</translation>
    </message>
    <message numerus="yes">
        <source>%n more alerts were left out of the report.</source>
        <translation>
            <numerusform>%n autre alerte a été omise du rapport.</numerusform>
            <numerusform>%n autres alertes ont été omises du rapport.</numerusform>
        </translation>
    </message>
    <message>
        <source>StateScope report: %1</source>
        <translation>Rapport StateScope&#xa0;: %1</translation>
    </message>
    <message>
        <source>StateScope report · %1 · %2</source>
        <translation>Rapport StateScope · %1 · %2</translation>
    </message>
    <message>
        <source>%1: cannot write a PDF here</source>
        <translation>%1&#xa0;: impossible d’écrire un PDF ici</translation>
    </message>
    <message>
        <source>StateScope report</source>
        <translation>Rapport StateScope</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>Data window</source>
        <translation>Période des données</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>État au</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Généré le</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>%1: the PDF could not be completed</source>
        <translation>%1&#xa0;: le PDF n’a pas pu être finalisé</translation>
    </message>
    <message>
        <source>State diagram</source>
        <translation>Diagramme d’états</translation>
    </message>
    <message>
        <source>Transition matrix (probabilities)</source>
        <translation>Matrice de transition (probabilités)</translation>
    </message>
    <message>
        <source>Timeline: the latest executions</source>
        <translation>Chronologie&#xa0;: les exécutions les plus récentes</translation>
    </message>
</context>
<context>
    <name>StateScope::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every command is also in the command palette (%1), shortcut or not.</source>
        <translation>Chaque commande, avec ou sans raccourci, figure aussi dans la palette de commandes (%1).</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
</context>
<context>
    <name>StateScope::SourcesPane</name>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Search execution id…</source>
        <translation>Rechercher un identifiant d’exécution…</translation>
    </message>
    <message>
        <source>Search executions by id</source>
        <translation>Rechercher des exécutions par identifiant</translation>
    </message>
    <message>
        <source>Filter by current state</source>
        <translation>Filtrer par état actuel</translation>
    </message>
    <message>
        <source>Only executions now in this state</source>
        <translation>Uniquement les exécutions actuellement dans cet état</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Filter by time</source>
        <translation>Filtrer par période</translation>
    </message>
    <message>
        <source>Only executions active in this last stretch of the data</source>
        <translation>Uniquement les exécutions actives dans cette dernière période des données</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Toute période</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>Dernière minute</translation>
    </message>
    <message>
        <source>Last 10 minutes</source>
        <translation>10 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Live feed: %1</source>
        <translation>Flux en direct&#xa0;: %1</translation>
    </message>
    <message>
        <source>Database or file: %1</source>
        <translation>Base de données ou fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>No source yet: open a database or file, connect a feed, or start with --demo.</source>
        <translation>Pas encore de source&#xa0;: ouvrez une base de données ou un fichier, connectez-vous à un flux, ou démarrez avec --demo.</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>%1 executions match; the newest %2 are listed</source>
        <translation>%1 exécutions correspondent&#x202f;; les %2 plus récentes sont affichées</translation>
    </message>
    <message numerus="yes">
        <source>%Ln executions</source>
        <translation>
            <numerusform>%Ln exécution</numerusform>
            <numerusform>%Ln exécutions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::StateDiagramView</name>
    <message>
        <source>%1 · branch %2</source>
        <translation>%1 · branche %2</translation>
    </message>
    <message>
        <source>%1 · iteration</source>
        <translation>%1 · itération</translation>
    </message>
    <message>
        <source>Graphviz could not lay out the graph</source>
        <translation>Graphviz n’a pas pu disposer le graphe</translation>
    </message>
    <message>
        <source>Graphviz could not be initialised</source>
        <translation>Graphviz n’a pas pu être initialisé</translation>
    </message>
    <message>
        <source>State diagram</source>
        <translation>Diagramme d’états</translation>
    </message>
    <message>
        <source>In the definition, not seen in the data</source>
        <translation>Dans la définition, absent des données</translation>
    </message>
    <message>
        <source>Executions in this state now: %1</source>
        <translation>Exécutions actuellement dans cet état&#xa0;: %1</translation>
    </message>
    <message>
        <source>Terminal state</source>
        <translation>État terminal</translation>
    </message>
    <message>
        <source>Failure state (marked ✕)</source>
        <translation>État d’échec (marqué ✕)</translation>
    </message>
    <message>
        <source>Allowed by the definition, never taken</source>
        <translation>Autorisée par la définition, jamais empruntée</translation>
    </message>
    <message numerus="yes">
        <source>%Ln transitions, probability %1</source>
        <translation>
            <numerusform>%Ln transition, probabilité %1</numerusform>
            <numerusform>%Ln transitions, probabilité %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not allowed by the definition</source>
        <translation>Non autorisée par la définition</translation>
    </message>
    <message>
        <source>Laying out the diagram…</source>
        <translation>Disposition du diagramme…</translation>
    </message>
    <message>
        <source>The diagram could not be laid out: %1</source>
        <translation>Le diagramme n’a pas pu être disposé&#xa0;: %1</translation>
    </message>
    <message>
        <source>No states to show yet</source>
        <translation>Aucun état à afficher pour l’instant</translation>
    </message>
</context>
<context>
    <name>StateScope::StatesTableModel</name>
    <message>
        <source>%1 (terminal)</source>
        <translation>%1 (terminal)</translation>
    </message>
    <message>
        <source>%1 (trapped)</source>
        <translation>%1 (piège)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actuellement</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Séjours</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
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
        <translation>Stationnaire</translation>
    </message>
    <message>
        <source>Time share</source>
        <translation>Part du temps</translation>
    </message>
</context>
<context>
    <name>StateScope::TimeScrubber</name>
    <message>
        <source>Replay from the chosen time (Space)</source>
        <translation>Rejouer depuis l’heure choisie (Espace)</translation>
    </message>
    <message>
        <source>Play or pause the replay</source>
        <translation>Lancer ou mettre en pause la relecture</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>Show everything up to the latest event</source>
        <translation>Tout afficher jusqu’au dernier événement</translation>
    </message>
    <message>
        <source>Show the latest state</source>
        <translation>Afficher l’état le plus récent</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Vitesse de relecture</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>actuel</translation>
    </message>
    <message>
        <source>Time scrubber</source>
        <translation>Curseur temporel</translation>
    </message>
</context>
<context>
    <name>StateScope::TimelineView</name>
    <message>
        <source>No executions to show</source>
        <translation>Aucune exécution à afficher</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Aucune donnée</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>by state</source>
        <translation>par état</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n autre</numerusform>
            <numerusform>+%n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Transition timeline</source>
        <translation>Chronologie des transitions</translation>
    </message>
    <message numerus="yes">
        <source>Execution %1
Status: %2, %n stay(s)</source>
        <translation>
            <numerusform>Exécution %1
Statut&#xa0;: %2, %n séjour</numerusform>
            <numerusform>Exécution %1
Statut&#xa0;: %2, %n séjours</numerusform>
        </translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>Exécution %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>État&#xa0;: %1</translation>
    </message>
    <message>
        <source>Entered: %1</source>
        <translation>Entrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Left: %1</source>
        <translation>Sortie&#xa0;: %1</translation>
    </message>
    <message>
        <source>Dwell: %1</source>
        <translation>Séjour&#xa0;: %1</translation>
    </message>
    <message>
        <source>Left: still there</source>
        <translation>Sortie&#xa0;: toujours présente</translation>
    </message>
    <message>
        <source>Dwell: %1 so far</source>
        <translation>Séjour&#xa0;: %1 jusqu’ici</translation>
    </message>
    <message>
        <source>Final state</source>
        <translation>État final</translation>
    </message>
    <message>
        <source>Final state (execution %1)</source>
        <translation>État final (exécution %1)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>Executions in a state (mean): %1</source>
        <translation>Exécutions dans un état (moyenne)&#xa0;: %1</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>  and %n more state(s)</source>
        <translation>
            <numerusform>  et %n autre état</numerusform>
            <numerusform>  et %n autres états</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateScope::VariantsModel</name>
    <message>
        <source>Steps: %1
%2</source>
        <translation>Étapes&#xa0;: %1
%2</translation>
    </message>
    <message>
        <source>Double-click to show execution %1</source>
        <translation>Double-cliquer pour afficher l’exécution %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Example execution</source>
        <translation>Exemple d’exécution</translation>
    </message>
</context>
<context>
    <name>StateScope::ViewExport</name>
    <message>
        <source>%1: cannot write here</source>
        <translation>%1&#xa0;: impossible d’écrire ici</translation>
    </message>
    <message>
        <source>%1: cannot replace the file</source>
        <translation>%1&#xa0;: impossible de remplacer le fichier</translation>
    </message>
    <message>
        <source>%1: unknown image type (use .png, .svg or .pdf)</source>
        <translation>%1&#xa0;: type d’image inconnu (utiliser .png, .svg ou .pdf)</translation>
    </message>
</context>
</TS>
