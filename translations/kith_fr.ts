<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>kith::app::AppController</name>
    <message>
        <location filename="../app/ui/AppController.cpp" line="95"/>
        <source>The local server did not start: %1</source>
        <translation>Le serveur local n’a pas démarré : %1</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="99"/>
        <source>No system keychain found: you will need to sign in again next time.</source>
        <translation>Aucun trousseau système trouvé : il faudra vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="137"/>
        <location filename="../app/ui/AppController.cpp" line="217"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="141"/>
        <source>Sign in to %1 again.</source>
        <translation>Reconnectez-vous à %1.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="161"/>
        <source>Starting your local server…</source>
        <translation>Démarrage de votre serveur local…</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="206"/>
        <source>The key of your local account is missing.</source>
        <translation>La clé de votre compte local est introuvable.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="256"/>
        <source>No system keychain found: your local server&apos;s key is kept in %1, readable only by you.</source>
        <translation>Aucun trousseau système trouvé : la clé de votre serveur local est conservée dans %1, lisible par vous seul.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="325"/>
        <source>Sign-in failed.</source>
        <translation>La connexion a échoué.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="334"/>
        <source>%1&apos;s server</source>
        <translation>Serveur de %1</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="352"/>
        <source>Could not reach %1.</source>
        <translation>Impossible de joindre %1.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="355"/>
        <source>Cannot reach %1. Retrying…</source>
        <translation>%1 est injoignable. Nouvel essai…</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="359"/>
        <source>Connection lost. Reconnecting… Messages you send now go out when it is back.</source>
        <translation>Connexion perdue. Reconnexion… Les messages envoyés maintenant partiront à son retour.</translation>
    </message>
</context>
<context>
    <name>kith::app::ChannelDialog</name>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="15"/>
        <source>Create channel</source>
        <translation>Créer un salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="15"/>
        <source>Edit channel</source>
        <translation>Modifier le salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="19"/>
        <source>new-channel</source>
        <translation>nouveau-salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="21"/>
        <source>What is it about? (optional)</source>
        <translation>De quoi parle-t-il ? (facultatif)</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="22"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="23"/>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="26"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="26"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>kith::app::ChannelSidebar</name>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="46"/>
        <source>TEXT CHANNELS</source>
        <translation>SALONS TEXTUELS</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="78"/>
        <source>No server yet</source>
        <translation>Pas encore de serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="99"/>
        <source>Invite people</source>
        <translation>Inviter des personnes</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="100"/>
        <location filename="../app/ui/ChannelSidebar.cpp" line="125"/>
        <source>Create channel</source>
        <translation>Créer un salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="103"/>
        <source>Rename server</source>
        <translation>Renommer le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="104"/>
        <source>Copy server ID</source>
        <translation>Copier l’identifiant du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="109"/>
        <source>Leave server</source>
        <translation>Quitter le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="111"/>
        <source>Delete server</source>
        <translation>Supprimer le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="122"/>
        <source>Edit channel</source>
        <translation>Modifier le salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="123"/>
        <source>Delete channel</source>
        <translation>Supprimer le salon</translation>
    </message>
</context>
<context>
    <name>kith::app::ChatPane</name>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="70"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="94"/>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="112"/>
        <source>This message is %1 characters long; the limit is %2.</source>
        <translation>Ce message fait %1 caractères ; la limite est de %2.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="121"/>
        <source>Editing message · Enter to save · Escape to cancel</source>
        <translation>Modification du message · Entrée pour enregistrer · Échap pour annuler</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="125"/>
        <source>Delete message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="126"/>
        <source>Delete this message for everyone?</source>
        <translation>Supprimer ce message pour tout le monde ?</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="158"/>
        <source>Message #%1</source>
        <translation>Message dans #%1</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="158"/>
        <source>No channel selected</source>
        <translation>Aucun salon sélectionné</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="159"/>
        <source>This is the beginning of #%1. Say hello!</source>
        <translation>C’est le début de #%1. Dites bonjour !</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="195"/>
        <source>%1 failed: %2</source>
        <translation>%1 : échec (%2)</translation>
    </message>
</context>
<context>
    <name>kith::app::ClientState</name>
    <message>
        <location filename="../app/state/ClientState.cpp" line="173"/>
        <source>Loading messages</source>
        <translation>Chargement des messages</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="342"/>
        <source>Editing the message</source>
        <translation>Modification du message</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="348"/>
        <source>Deleting the message</source>
        <translation>Suppression du message</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="355"/>
        <source>Creating the server</source>
        <translation>Création du serveur</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="367"/>
        <source>Joining with the invite</source>
        <translation>Adhésion avec l’invitation</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="377"/>
        <source>Leaving the server</source>
        <translation>Départ du serveur</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="382"/>
        <source>Renaming the server</source>
        <translation>Renommage du serveur</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="387"/>
        <source>Deleting the server</source>
        <translation>Suppression du serveur</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="394"/>
        <source>Changing the role</source>
        <translation>Changement de rôle</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="401"/>
        <source>Creating an invite</source>
        <translation>Création d’une invitation</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="415"/>
        <source>Creating the channel</source>
        <translation>Création du salon</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="427"/>
        <source>Changing the channel</source>
        <translation>Modification du salon</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="432"/>
        <source>Deleting the channel</source>
        <translation>Suppression du salon</translation>
    </message>
</context>
<context>
    <name>kith::app::Connection</name>
    <message>
        <location filename="../app/net/Connection.cpp" line="284"/>
        <location filename="../app/net/Connection.cpp" line="295"/>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="307"/>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
</context>
<context>
    <name>kith::app::GuildDialog</name>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="18"/>
        <source>Add a server</source>
        <translation>Ajouter un serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="24"/>
        <source>Your server is where you and your friends hang out. It starts with a #general channel.</source>
        <translation>Votre serveur est l’endroit où vous retrouvez vos amis. Il commence avec un salon #general.</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="31"/>
        <source>Server name</source>
        <translation>Nom du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="34"/>
        <location filename="../app/ui/GuildDialog.cpp" line="52"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="38"/>
        <source>Enter an invite code you were given.</source>
        <translation>Saisissez le code d’invitation que l’on vous a donné.</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="41"/>
        <source>Invite code</source>
        <translation>Code d’invitation</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="44"/>
        <location filename="../app/ui/GuildDialog.cpp" line="52"/>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
</context>
<context>
    <name>kith::app::InviteDialog</name>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="16"/>
        <source>Invite people</source>
        <translation>Inviter des personnes</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="19"/>
        <source>Send this code to a friend. They join %1 with &quot;+&quot; → Join.</source>
        <translation>Envoyez ce code à un ami. Il rejoint %1 avec « + » → Rejoindre.</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="28"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="34"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>kith::app::MainWindow</name>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="32"/>
        <location filename="../app/ui/MainWindow.cpp" line="140"/>
        <source>Kith</source>
        <translation>Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="91"/>
        <source>Delete channel</source>
        <translation>Supprimer le salon</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="91"/>
        <source>Delete #%1 and all its messages?</source>
        <translation>Supprimer #%1 et tous ses messages ?</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="96"/>
        <source>Leave server</source>
        <translation>Quitter le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="96"/>
        <source>Leave %1?</source>
        <translation>Quitter %1 ?</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="102"/>
        <source>Rename server</source>
        <translation>Renommer le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="103"/>
        <source>Server name</source>
        <translation>Nom du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="113"/>
        <source>Delete server</source>
        <translation>Supprimer le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="113"/>
        <source>Delete %1 with all its channels and messages, for everyone?</source>
        <translation>Supprimer %1 avec tous ses salons et messages, pour tout le monde ?</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="127"/>
        <source>Make admin</source>
        <translation>Nommer administrateur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="129"/>
        <source>Make member</source>
        <translation>Repasser membre</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="131"/>
        <source>Transfer ownership…</source>
        <translation>Transférer la propriété…</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="132"/>
        <source>Transfer ownership</source>
        <translation>Transférer la propriété</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="132"/>
        <source>Make %1 the owner? You become an admin.</source>
        <translation>Faire de %1 le propriétaire ? Vous devenez administrateur.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="140"/>
        <source>#%1 · %2 · Kith</source>
        <translation>#%1 · %2 · Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="204"/>
        <source>%1&apos;s server</source>
        <translation>Serveur de %1</translation>
    </message>
</context>
<context>
    <name>kith::app::MemberDelegate</name>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="20"/>
        <source>OWNER</source>
        <translation>PROPRIÉTAIRE</translation>
    </message>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="22"/>
        <source>ADMINS</source>
        <translation>ADMINISTRATEURS</translation>
    </message>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="26"/>
        <source>MEMBERS</source>
        <translation>MEMBRES</translation>
    </message>
</context>
<context>
    <name>kith::app::MessageDelegate</name>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="131"/>
        <source>(edited)</source>
        <translation>(modifié)</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="165"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="167"/>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="220"/>
        <source>Today at %1</source>
        <translation>Aujourd’hui à %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="223"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="259"/>
        <source>Not sent: %1. Right-click to retry.</source>
        <translation>Non envoyé : %1. Clic droit pour réessayer.</translation>
    </message>
</context>
<context>
    <name>kith::app::MessageView</name>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="159"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="160"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="164"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="166"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="168"/>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="170"/>
        <source>Copy message ID</source>
        <translation>Copier l’identifiant du message</translation>
    </message>
</context>
<context>
    <name>kith::app::QuickSwitcher</name>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="15"/>
        <source>Quick switcher</source>
        <translation>Navigation rapide</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="19"/>
        <source>Where to? Type part of a channel or server name.</source>
        <translation>Où aller ? Tapez une partie du nom d’un salon ou d’un serveur.</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="22"/>
        <source>Search channels and servers</source>
        <translation>Chercher des salons et des serveurs</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="75"/>
        <source># %1   —  %2</source>
        <translation># %1   —  %2</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="76"/>
        <source>%1  (server)</source>
        <translation>%1  (serveur)</translation>
    </message>
</context>
<context>
    <name>kith::app::ServerRail</name>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="29"/>
        <source>Kith</source>
        <translation>Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="57"/>
        <source>Create or join a server</source>
        <translation>Créer ou rejoindre un serveur</translation>
    </message>
</context>
<context>
    <name>kith::app::SettingsDialog</name>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="15"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="19"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="20"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="21"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="25"/>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="24"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="30"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="31"/>
        <source>A new language applies from the next start.</source>
        <translation>La nouvelle langue s’applique au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="38"/>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="39"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
</context>
<context>
    <name>kith::app::UserFooter</name>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="38"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="51"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="53"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="55"/>
        <source>Signing in…</source>
        <translation>Identification…</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="57"/>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="61"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
</context>
<context>
    <name>kith::app::WelcomeScreen</name>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="32"/>
        <source>Welcome to Kith</source>
        <translation>Bienvenue dans Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="35"/>
        <source>Chat with your people, on a server you run.</source>
        <translation>Discutez avec vos proches, sur un serveur à vous.</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="44"/>
        <location filename="../app/ui/WelcomeScreen.cpp" line="49"/>
        <source>Start a local server</source>
        <translation>Démarrer un serveur local</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="45"/>
        <source>Runs inside this app, on this computer. Nothing to set up: you get your own server with a #general channel.</source>
        <translation>Il tourne dans l’application, sur cet ordinateur. Rien à configurer : vous obtenez votre serveur avec un salon #general.</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="47"/>
        <source>Your name (optional)</source>
        <translation>Votre nom (facultatif)</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="57"/>
        <source>Connect to a server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="58"/>
        <source>Someone runs a Kith server for you? Enter its address.</source>
        <translation>Quelqu’un héberge un serveur Kith pour vous ? Saisissez son adresse.</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="59"/>
        <source>ws://host:%1</source>
        <translation>ws://hôte:%1</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="60"/>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="62"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="64"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="66"/>
        <source>Create account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="121"/>
        <source>Enter the server&apos;s address, like ws://example.org:%1</source>
        <translation>Saisissez l’adresse du serveur, par exemple ws://example.org:%1</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="126"/>
        <source>Username: 2 to 32 letters, digits, dots or underscores.</source>
        <translation>Nom d’utilisateur : 2 à 32 lettres, chiffres, points ou tirets bas.</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="130"/>
        <source>Password: at least %1 characters.</source>
        <translation>Mot de passe : au moins %1 caractères.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="31"/>
        <source>Kith: chat with your people, on a server you run.</source>
        <translation>Kith : discutez avec vos proches, sur un serveur à vous.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="35"/>
        <source>Keep all settings and data in &lt;dir&gt; (also: KITH_DATA).</source>
        <translation>Garder tous les réglages et données dans &lt;dir&gt; (aussi : KITH_DATA).</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="38"/>
        <source>Open straight into the local server, creating it on first use.</source>
        <translation>Ouvrir directement le serveur local, en le créant à la première utilisation.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="40"/>
        <source>Print start-up timings (epoch ms) to stdout.</source>
        <translation>Afficher les temps de démarrage (ms epoch) sur la sortie standard.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="42"/>
        <source>Quit as soon as the chat is usable (for measuring).</source>
        <translation>Quitter dès que la discussion est utilisable (pour mesurer).</translation>
    </message>
</context>
</TS>
