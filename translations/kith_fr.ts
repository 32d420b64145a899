<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>kith::app::AppController</name>
    <message>
        <location filename="../app/ui/AppController.cpp" line="146"/>
        <source>You are hosting %1 at %2 · here now: %3</source>
        <translation>Vous accueillez %1 à %2 · présents : %3</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="147"/>
        <source>Manage</source>
        <translation>Gérer</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="263"/>
        <source>Could not reach %1.</source>
        <translation>Impossible de joindre %1.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="264"/>
        <source>Could not reach %1: %2.</source>
        <translation>Impossible de joindre %1 : %2.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="267"/>
        <source>Cannot reach %1. Retrying…</source>
        <translation>%1 est injoignable. Nouvel essai…</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="287"/>
        <source>Connection lost. Reconnecting… Messages you send now go out when it is back.</source>
        <translation>Connexion perdue. Reconnexion… Les messages envoyés maintenant partiront à son retour.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="288"/>
        <source>Reconnect now</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="383"/>
        <source>The current password is wrong.</source>
        <translation>Le mot de passe actuel est faux.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="408"/>
        <source>LAN parties: %1 is not HOST:PORT; the setting was not changed.</source>
        <translation>Soirées LAN : %1 n’est pas de la forme HÔTE:PORT ; le réglage n’a pas changé.</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="449"/>
        <source>This link is not a Kith invite: %1</source>
        <translation>Ce lien n’est pas une invitation Kith : %1</translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="524"/>
        <source>%1&apos;s party</source>
        <translation>La soirée de %1</translation>
    </message>
</context>
<context>
    <name>kith::app::AttachmentPainter</name>
    <message>
        <location filename="../app/ui/AttachmentPainter.cpp" line="131"/>
        <source>%1 · waiting to upload</source>
        <translation>%1 · en attente d’envoi</translation>
    </message>
</context>
<context>
    <name>kith::app::AttachmentTray</name>
    <message>
        <location filename="../app/ui/AttachmentTray.cpp" line="90"/>
        <location filename="../app/ui/AttachmentTray.cpp" line="91"/>
        <source>Cancel the upload</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <location filename="../app/ui/AttachmentTray.cpp" line="154"/>
        <location filename="../app/ui/AttachmentTray.cpp" line="155"/>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <location filename="../app/ui/AttachmentTray.cpp" line="184"/>
        <source>Uploading %1 files… %2%</source>
        <translation>Envoi de %1 fichiers… %2 %</translation>
    </message>
    <message>
        <location filename="../app/ui/AttachmentTray.cpp" line="185"/>
        <source>Uploading %1… %2%</source>
        <translation>Envoi de %1… %2 %</translation>
    </message>
</context>
<context>
    <name>kith::app::AvatarCropper</name>
    <message>
        <location filename="../app/ui/AvatarCropper.cpp" line="87"/>
        <source>Choose an image</source>
        <translation>Choisir une image</translation>
    </message>
</context>
<context>
    <name>kith::app::ChannelDialog</name>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="26"/>
        <source>Create channel</source>
        <translation>Créer un salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="92"/>
        <source>new-channel</source>
        <translation>nouveau-salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="46"/>
        <source>What is it about? (optional)</source>
        <translation>De quoi parle-t-il ? (facultatif)</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="22"/>
        <source>Don&apos;t store messages</source>
        <translation>Ne pas enregistrer les messages</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="23"/>
        <source>Roulette: each message goes to one random person online</source>
        <translation>Roulette : chaque message va à une personne en ligne tirée au hasard</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="35"/>
        <source>Text channel</source>
        <translation>Salon textuel</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="36"/>
        <location filename="../app/ui/ChannelDialog.cpp" line="51"/>
        <location filename="../app/ui/ChannelDialog.cpp" line="56"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="37"/>
        <location filename="../app/ui/ChannelDialog.cpp" line="38"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="42"/>
        <location filename="../app/ui/ChannelDialog.cpp" line="43"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="47"/>
        <location filename="../app/ui/ChannelDialog.cpp" line="48"/>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="52"/>
        <source>No category</source>
        <translation>Aucune catégorie</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="60"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="74"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="92"/>
        <source>Category name</source>
        <translation>Nom de la catégorie</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="102"/>
        <source>A category is a heading that groups channels.</source>
        <translation>Une catégorie est un titre qui regroupe des salons.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="105"/>
        <source>Each message goes to one person picked at random among those online, and is never stored.</source>
        <translation>Chaque message va à une personne tirée au hasard parmi celles en ligne, et n’est jamais enregistré.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="107"/>
        <source>Messages reach those online when they are sent and are never stored. This cannot be changed later.</source>
        <translation>Les messages parviennent à ceux qui sont en ligne au moment de l’envoi et ne sont jamais enregistrés. Cela ne pourra pas être changé ensuite.</translation>
    </message>
</context>
<context>
    <name>kith::app::ChannelListModel</name>
    <message>
        <location filename="../app/state/ChannelListModel.cpp" line="25"/>
        <source>Roulette: each message goes to one person</source>
        <translation>Roulette : chaque message va à une seule personne</translation>
    </message>
    <message>
        <location filename="../app/state/ChannelListModel.cpp" line="26"/>
        <source>Messages here are not stored</source>
        <translation>Les messages d’ici ne sont pas enregistrés</translation>
    </message>
</context>
<context>
    <name>kith::app::ChannelPermissionsPage</name>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="44"/>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="50"/>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="53"/>
        <source>What each role may do in this channel, above what the server lets it do. Neutral keeps the server&apos;s setting.</source>
        <translation>Ce que chaque rôle peut faire dans ce salon, en plus de ce que le serveur lui permet. Neutre garde le réglage du serveur.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="64"/>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="98"/>
        <source>Deny</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="99"/>
        <source>Neutral</source>
        <translation>Neutre</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="100"/>
        <source>Allow</source>
        <translation>Autoriser</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="107"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="175"/>
        <source>Overwrite for %1</source>
        <translation>Exception pour %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="218"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="224"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelPermissionsPage.cpp" line="224"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>kith::app::ChannelSettingsDialog</name>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="28"/>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="29"/>
        <source>5 seconds</source>
        <translation>5 secondes</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="30"/>
        <source>10 seconds</source>
        <translation>10 secondes</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="31"/>
        <source>30 seconds</source>
        <translation>30 secondes</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="32"/>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="33"/>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="34"/>
        <source>10 minutes</source>
        <translation>10 minutes</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="35"/>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="36"/>
        <source>30 minutes</source>
        <translation>30 minutes</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="37"/>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="38"/>
        <source>2 hours</source>
        <translation>2 heures</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="39"/>
        <source>6 hours</source>
        <translation>6 heures</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="47"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="66"/>
        <source>Category settings — %1</source>
        <translation>Paramètres de la catégorie — %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="67"/>
        <source>Channel settings — #%1</source>
        <translation>Paramètres du salon — #%1</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="60"/>
        <source>Channel settings sections</source>
        <translation>Sections des paramètres du salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="74"/>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="90"/>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="99"/>
        <source>Category name</source>
        <translation>Nom de la catégorie</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="99"/>
        <source>Channel name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="104"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="109"/>
        <source>What is it about? (optional)</source>
        <translation>De quoi parle-t-il ? (facultatif)</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="110"/>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="111"/>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="115"/>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="121"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="116"/>
        <source>No category</source>
        <translation>Aucune catégorie</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="125"/>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="136"/>
        <source>Slow mode</source>
        <translation>Mode lent</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="138"/>
        <source>Members may send one message per this time. Those who manage messages are not held back.</source>
        <translation>Les membres peuvent envoyer un message par intervalle de cette durée. Ceux qui gèrent les messages ne sont pas retenus.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="147"/>
        <source>Roulette: each message goes to one person online and is never stored.</source>
        <translation>Roulette : chaque message va à une personne en ligne et n’est jamais enregistré.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="148"/>
        <source>Messages here are not stored: they reach those online when sent.</source>
        <translation>Les messages d’ici ne sont pas enregistrés : ils parviennent à ceux qui sont en ligne à l’envoi.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="153"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="158"/>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="187"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="193"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSettingsDialog.cpp" line="193"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>kith::app::ChannelSidebar</name>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="151"/>
        <source>TEXT CHANNELS</source>
        <translation>SALONS TEXTUELS</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="129"/>
        <location filename="../app/ui/ChannelSidebar.cpp" line="130"/>
        <source>New group message</source>
        <translation>Nouveau message de groupe</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="131"/>
        <source>Channels</source>
        <translation>Salons</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="148"/>
        <source>No server yet</source>
        <translation>Pas encore de serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="177"/>
        <source>Friends</source>
        <translation>Amis</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="151"/>
        <source>DIRECT MESSAGES</source>
        <translation>MESSAGES PRIVÉS</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="148"/>
        <source>Find or start a conversation</source>
        <translation>Trouver ou démarrer une conversation</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="168"/>
        <source>Find a conversation, a friend or a channel (Ctrl+K)</source>
        <translation>Trouver une conversation, un ami ou un salon (Ctrl+K)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/ChannelSidebar.cpp" line="177"/>
        <source>Friends  ·  %n waiting</source>
        <translation>
            <numerusform>Amis  ·  %n en attente</numerusform>
            <numerusform>Amis  ·  %n en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="205"/>
        <source>Invite people</source>
        <translation>Inviter des personnes</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="207"/>
        <location filename="../app/ui/ChannelSidebar.cpp" line="315"/>
        <source>Create channel</source>
        <translation>Créer un salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="209"/>
        <source>Rename server</source>
        <translation>Renommer le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="210"/>
        <source>Change server icon…</source>
        <translation>Changer l’icône du serveur…</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="214"/>
        <source>Server settings</source>
        <translation>Paramètres du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="215"/>
        <source>Copy server ID</source>
        <translation>Copier l’identifiant du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="220"/>
        <source>Leave server</source>
        <translation>Quitter le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="222"/>
        <source>Delete server</source>
        <translation>Supprimer le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="235"/>
        <source>Add member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="245"/>
        <source>Remove member</source>
        <translation>Retirer un membre</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="257"/>
        <source>Leave group</source>
        <translation>Quitter le groupe</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="262"/>
        <location filename="../app/ui/ChannelSidebar.cpp" line="297"/>
        <source>Mark as read</source>
        <translation>Marquer comme lu</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="266"/>
        <source>Unmute conversation</source>
        <translation>Réactiver la conversation</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="266"/>
        <source>Mute conversation</source>
        <translation>Mettre la conversation en sourdine</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="270"/>
        <source>New group message…</source>
        <translation>Nouveau message de groupe…</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="300"/>
        <source>Unmute channel</source>
        <translation>Réactiver le salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="300"/>
        <source>Mute channel</source>
        <translation>Mettre le salon en sourdine</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="308"/>
        <source>Edit channel</source>
        <translation>Modifier le salon</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="308"/>
        <source>Edit category</source>
        <translation>Modifier la catégorie</translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="313"/>
        <source>Delete channel</source>
        <translation>Supprimer le salon</translation>
    </message>
</context>
<context>
    <name>kith::app::ChatPane</name>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="360"/>
        <location filename="../app/ui/ChatPane.cpp" line="361"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="366"/>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="217"/>
        <source>This message is %1 characters long; the limit is %2.</source>
        <translation>Ce message fait %1 caractères ; la limite est de %2.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="406"/>
        <source>Editing message · Enter to save · Escape to cancel</source>
        <translation>Modification du message · Entrée pour enregistrer · Échap pour annuler</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="356"/>
        <source>Show channels</source>
        <translation>Afficher les salons</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="255"/>
        <source>You</source>
        <translation>vous</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="292"/>
        <source>Nobody online could get your message: it is gone.</source>
        <translation>Personne en ligne n’a pu recevoir votre message : il est perdu.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="293"/>
        <source>Your message went to %1.</source>
        <translation>Votre message est allé à %1.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="294"/>
        <source>Your message went to someone.</source>
        <translation>Votre message est allé à quelqu’un.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="347"/>
        <source>everyone</source>
        <translation>tout le monde</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="358"/>
        <source>Show members</source>
        <translation>Afficher les membres</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="362"/>
        <source>Emoji</source>
        <translation>Émoji</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="363"/>
        <source>Insert an emoji</source>
        <translation>Insérer un émoji</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="364"/>
        <location filename="../app/ui/ChatPane.cpp" line="365"/>
        <location filename="../app/ui/ChatPane.cpp" line="550"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="367"/>
        <location filename="../app/ui/ChatPane.cpp" line="370"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="368"/>
        <source>Search messages (Ctrl+F): from:, in:, has:</source>
        <translation>Rechercher des messages (Ctrl+F) : from:, in:, has:</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="369"/>
        <source>Search messages</source>
        <translation>Rechercher des messages</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="371"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="408"/>
        <source>Replying to %1 · Escape to cancel</source>
        <translation>Réponse à %1 · Échap pour annuler</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="419"/>
        <source>%1 is typing…</source>
        <translation>%1 est en train d’écrire…</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="421"/>
        <source>%1 and %2 are typing…</source>
        <translation>%1 et %2 sont en train d’écrire…</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="423"/>
        <source>%1, %2 and %3 are typing…</source>
        <translation>%1, %2 et %3 sont en train d’écrire…</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="425"/>
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes sont en train d’écrire…</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="463"/>
        <source>Roulette: each message goes to one person</source>
        <translation>Roulette : chaque message va à une seule personne</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="464"/>
        <source>Messages here are not stored</source>
        <translation>Les messages d’ici ne sont pas enregistrés</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="472"/>
        <source>Message @%1</source>
        <translation>Message à @%1</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="474"/>
        <source>This is the beginning of your conversation with %1.</source>
        <translation>C’est le début de votre conversation avec %1.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="476"/>
        <source>Message #%1</source>
        <translation>Message dans #%1</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="476"/>
        <source>No channel selected</source>
        <translation>Aucun salon sélectionné</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="477"/>
        <source>This is the beginning of #%1. Say hello!</source>
        <translation>C’est le début de #%1. Dites bonjour !</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="479"/>
        <source>Message someone at random in #%1</source>
        <translation>Écrire à quelqu’un au hasard dans #%1</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="480"/>
        <source>Roulette: each message here goes to one person picked at random among those online, and is never stored.</source>
        <translation>Roulette : chaque message d’ici va à une personne tirée au hasard parmi celles en ligne, et n’est jamais enregistré.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="483"/>
        <source>Message #%1 (not stored)</source>
        <translation>Écrire dans #%1 (non enregistré)</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="484"/>
        <source>Messages here are not stored: they reach those online when sent, and are gone after.</source>
        <translation>Les messages d’ici ne sont pas enregistrés : ils parviennent à ceux qui sont en ligne à l’envoi, puis disparaissent.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="538"/>
        <source>%1 failed: %2</source>
        <translation>%1 : échec (%2)</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="558"/>
        <source>%1 was not attached: %2.</source>
        <translation>%1 n’a pas été joint : %2.</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="566"/>
        <source>Save file</source>
        <translation>Enregistrer le fichier</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="573"/>
        <source>Saving… %1%</source>
        <translation>Enregistrement… %1 %</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="573"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="577"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="578"/>
        <source>Could not save %1: %2</source>
        <translation>Impossible d’enregistrer %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="584"/>
        <source>Saving %1…</source>
        <translation>Enregistrement de %1…</translation>
    </message>
</context>
<context>
    <name>kith::app::ClientState</name>
    <message>
        <location filename="../app/state/ClientState.cpp" line="353"/>
        <source>Loading messages</source>
        <translation>Chargement des messages</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="586"/>
        <source>Removing the reaction</source>
        <translation>Retrait de la réaction</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="586"/>
        <source>Adding the reaction</source>
        <translation>Ajout de la réaction</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="631"/>
        <source>Editing the message</source>
        <translation>Modification du message</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="637"/>
        <source>Deleting the message</source>
        <translation>Suppression du message</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="644"/>
        <source>Creating the server</source>
        <translation>Création du serveur</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="658"/>
        <source>Joining with the invite</source>
        <translation>Adhésion avec l’invitation</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="758"/>
        <source>Removing someone from the server</source>
        <translation>Retirer quelqu’un du serveur</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="763"/>
        <source>Leaving the server</source>
        <translation>Départ du serveur</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="768"/>
        <source>Renaming the server</source>
        <translation>Renommage du serveur</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="773"/>
        <source>Deleting the server</source>
        <translation>Suppression du serveur</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="780"/>
        <source>Changing the role</source>
        <translation>Changement de rôle</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="787"/>
        <source>Creating an invite</source>
        <translation>Création d’une invitation</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="822"/>
        <source>Creating the channel</source>
        <translation>Création du salon</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="847"/>
        <source>Changing the channel</source>
        <translation>Modification du salon</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="852"/>
        <source>Deleting the channel</source>
        <translation>Suppression du salon</translation>
    </message>
    <message>
        <location filename="../app/state/DmState.cpp" line="112"/>
        <source>Opening the conversation</source>
        <translation>Ouverture de la conversation</translation>
    </message>
    <message>
        <location filename="../app/state/DmState.cpp" line="131"/>
        <source>Creating the group</source>
        <translation>Création du groupe</translation>
    </message>
    <message>
        <location filename="../app/state/DmState.cpp" line="145"/>
        <source>Adding to the group</source>
        <translation>Ajout au groupe</translation>
    </message>
    <message>
        <location filename="../app/state/DmState.cpp" line="157"/>
        <source>Removing from the group</source>
        <translation>Retrait du groupe</translation>
    </message>
    <message>
        <location filename="../app/state/DmState.cpp" line="168"/>
        <source>Leaving the group</source>
        <translation>Départ du groupe</translation>
    </message>
    <message>
        <location filename="../app/state/SocialState.cpp" line="187"/>
        <source>Changing the friendship</source>
        <translation>Modification de l’amitié</translation>
    </message>
    <message>
        <location filename="../app/state/SocialState.cpp" line="221"/>
        <source>Changing your status</source>
        <translation>Changement de votre statut</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="897"/>
        <source>Someone</source>
        <translation>Quelqu’un</translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="962"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/state/ClientState.cpp" line="964"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/state/ClientState.cpp" line="967"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="969"/>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/state/ClientState.cpp" line="971"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kith::app::ColorPicker</name>
    <message>
        <location filename="../app/ui/ColorPicker.cpp" line="13"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location filename="../app/ui/ColorPicker.cpp" line="45"/>
        <source>Pick…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../app/ui/ColorPicker.cpp" line="46"/>
        <source>Pick a colour</source>
        <translation>Choisir une couleur</translation>
    </message>
    <message>
        <location filename="../app/ui/ColorPicker.cpp" line="46"/>
        <source>Colour %1</source>
        <translation>Couleur %1</translation>
    </message>
</context>
<context>
    <name>kith::app::Composer</name>
    <message numerus="yes">
        <location filename="../app/ui/Composer.cpp" line="127"/>
        <source>a message takes at most %n files</source>
        <translation>
            <numerusform>un message contient au plus %n fichier</numerusform>
            <numerusform>un message contient au plus %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/Composer.cpp" line="131"/>
        <source>it is %1; this server takes files up to %2</source>
        <translation>il fait %1 ; ce serveur accepte des fichiers jusqu’à %2</translation>
    </message>
    <message>
        <location filename="../app/ui/Composer.cpp" line="136"/>
        <source>it is empty</source>
        <translation>il est vide</translation>
    </message>
    <message>
        <location filename="../app/ui/Composer.cpp" line="149"/>
        <source>it is not a file</source>
        <translation>ce n’est pas un fichier</translation>
    </message>
</context>
<context>
    <name>kith::app::Connection</name>
    <message>
        <location filename="../app/net/Connection.cpp" line="155"/>
        <source>connecting to %1</source>
        <translation>connexion à %1</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="174"/>
        <source>its certificate is for %1, not %2</source>
        <translation>son certificat est pour %1, pas pour %2</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="175"/>
        <source>another name</source>
        <translation>un autre nom</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="180"/>
        <source>its certificate expired on %1</source>
        <translation>son certificat a expiré le %1</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="185"/>
        <source>its certificate is not valid yet</source>
        <translation>son certificat n’est pas encore valide</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="190"/>
        <source>its certificate was revoked</source>
        <translation>son certificat a été révoqué</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="194"/>
        <source>its certificate is not valid (%1)</source>
        <translation>son certificat n’est pas valide (%1)</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="233"/>
        <source>its certificate changed</source>
        <translation>son certificat a changé</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="250"/>
        <source>not a Kith server</source>
        <translation>ce n’est pas un serveur Kith</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="255"/>
        <source>connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="258"/>
        <source>no such host</source>
        <translation>hôte introuvable</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="261"/>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="266"/>
        <source>TLS failed: %1</source>
        <translation>échec TLS : %1</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="269"/>
        <source>network unreachable</source>
        <translation>réseau injoignable</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="280"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="297"/>
        <source>closed %1</source>
        <translation>connexion fermée %1</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="328"/>
        <source>reconnecting in %1 ms</source>
        <translation>reconnexion dans %1 ms</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="472"/>
        <location filename="../app/net/Connection.cpp" line="483"/>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="498"/>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="511"/>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="513"/>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
</context>
<context>
    <name>kith::app::ConnectionLogDialog</name>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="161"/>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="162"/>
        <source>Connection log</source>
        <translation>Journal de connexion</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="163"/>
        <source>What this app sent (→) and received (←) from each server, and its connections&apos; changes (·). Tokens and passwords are masked.</source>
        <translation>Ce que cette application a envoyé (→) à chaque serveur et reçu (←) de lui, et les changements de ses connexions (·). Les jetons et les mots de passe sont masqués.</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="165"/>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="166"/>
        <source>Filter frames</source>
        <translation>Filtrer les trames</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="167"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="168"/>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="169"/>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="170"/>
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="171"/>
        <source>Frames</source>
        <translation>Trames</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="172"/>
        <source>Selected frame</source>
        <translation>Trame sélectionnée</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="173"/>
        <source>Select a frame to read it whole</source>
        <translation>Sélectionnez une trame pour la lire en entier</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="174"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="175"/>
        <source>Copy the frames shown</source>
        <translation>Copier les trames affichées</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="176"/>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="177"/>
        <source>Clear the log</source>
        <translation>Vider le journal</translation>
    </message>
    <message>
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="179"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="216"/>
        <source>%Ln frame(s), capped at %1</source>
        <translation>
            <numerusform>%Ln trame, au plus %1</numerusform>
            <numerusform>%Ln trames, au plus %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/ConnectionLogDialog.cpp" line="217"/>
        <source>%1 of %Ln frame(s) shown, capped at %2</source>
        <translation>
            <numerusform>%1 sur %Ln trame affichée, au plus %2</numerusform>
            <numerusform>%1 sur %Ln trames affichées, au plus %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kith::app::DeleteMessageDialog</name>
    <message>
        <location filename="../app/ui/DeleteMessageDialog.cpp" line="21"/>
        <location filename="../app/ui/DeleteMessageDialog.cpp" line="24"/>
        <source>Delete message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <location filename="../app/ui/DeleteMessageDialog.cpp" line="27"/>
        <source>Are you sure you want to delete this message? Everyone loses it.</source>
        <translation>Voulez-vous vraiment supprimer ce message ? Il disparaît pour tout le monde.</translation>
    </message>
    <message>
        <location filename="../app/ui/DeleteMessageDialog.cpp" line="48"/>
        <source>Tip: hold Shift while you click Delete to skip this question.</source>
        <translation>Astuce : maintenez Maj en cliquant sur Supprimer pour ne pas voir cette question.</translation>
    </message>
    <message>
        <location filename="../app/ui/DeleteMessageDialog.cpp" line="55"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>kith::app::DesktopNotifications</name>
    <message>
        <location filename="../app/platform/DesktopNotifications.cpp" line="39"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>kith::app::EmojiPicker</name>
    <message>
        <location filename="../app/ui/EmojiPicker.cpp" line="139"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../app/ui/EmojiPicker.cpp" line="140"/>
        <source>All emoji</source>
        <translation>Tous les émojis</translation>
    </message>
    <message>
        <location filename="../app/ui/EmojiPicker.cpp" line="141"/>
        <source>Recently used, then all emoji</source>
        <translation>Utilisés récemment, puis tous les émojis</translation>
    </message>
    <message>
        <location filename="../app/ui/EmojiPicker.cpp" line="160"/>
        <source>No emoji match</source>
        <translation>Aucun émoji ne correspond</translation>
    </message>
    <message>
        <location filename="../app/ui/EmojiPicker.cpp" line="248"/>
        <location filename="../app/ui/EmojiPicker.cpp" line="251"/>
        <source>Emoji</source>
        <translation>Émoji</translation>
    </message>
    <message>
        <location filename="../app/ui/EmojiPicker.cpp" line="249"/>
        <source>Find an emoji</source>
        <translation>Trouver un émoji</translation>
    </message>
    <message>
        <location filename="../app/ui/EmojiPicker.cpp" line="250"/>
        <source>Search emoji</source>
        <translation>Rechercher un émoji</translation>
    </message>
</context>
<context>
    <name>kith::app::ExploreDialog</name>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="35"/>
        <source>Explore servers</source>
        <translation>Explorer les serveurs</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="40"/>
        <source>Find a community</source>
        <translation>Trouver une communauté</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="44"/>
        <source>Servers on this host that chose to be listed. Join one without an invite.</source>
        <translation>Les serveurs de cet hôte qui ont choisi d’être listés. Rejoignez-en un sans invitation.</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="49"/>
        <source>Search by name or description</source>
        <translation>Chercher par nom ou description</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="50"/>
        <source>Search servers</source>
        <translation>Chercher des serveurs</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="56"/>
        <source>Servers found</source>
        <translation>Serveurs trouvés</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="72"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="101"/>
        <source>The search failed: %1</source>
        <translation>La recherche a échoué : %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="124"/>
        <source>No servers are listed on this host yet.</source>
        <translation>Aucun serveur n’est encore listé sur cet hôte.</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="125"/>
        <source>No servers match “%1”. Try other words.</source>
        <translation>Aucun serveur ne correspond à « %1 ». Essayez d’autres mots.</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="185"/>
        <source>1 member</source>
        <translation>1 membre</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="185"/>
        <source>%1 members</source>
        <translation>%1 membres</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="186"/>
        <source>%1 online · %2</source>
        <translation>%1 en ligne · %2</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="192"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="192"/>
        <location filename="../app/ui/ExploreDialog.cpp" line="222"/>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="195"/>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="195"/>
        <source>Join %1</source>
        <translation>Rejoindre %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="213"/>
        <source>Joining…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../app/ui/ExploreDialog.cpp" line="224"/>
        <source>Could not join: %1</source>
        <translation>Impossible de rejoindre : %1</translation>
    </message>
</context>
<context>
    <name>kith::app::FrameLog</name>
    <message>
        <location filename="../app/net/FrameLog.cpp" line="31"/>
        <source>… (%1 more characters)</source>
        <translation>… (%1 caractères de plus)</translation>
    </message>
    <message>
        <location filename="../app/net/FrameLog.cpp" line="131"/>
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <location filename="../app/net/FrameLog.cpp" line="132"/>
        <source>received</source>
        <translation>reçue</translation>
    </message>
    <message>
        <location filename="../app/net/FrameLog.cpp" line="133"/>
        <source>connection</source>
        <translation>connexion</translation>
    </message>
</context>
<context>
    <name>kith::app::FriendsView</name>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="212"/>
        <source>Show direct messages</source>
        <translation>Afficher les messages privés</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="214"/>
        <source>Friends</source>
        <translation>Amis</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="215"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="216"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="217"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="218"/>
        <location filename="../app/ui/FriendsView.cpp" line="385"/>
        <source>Blocked</source>
        <translation>Bloqués</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="219"/>
        <source>You are in no server yet</source>
        <translation>Vous n’êtes encore sur aucun serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="220"/>
        <source>Create a server or join one with an invite.</source>
        <translation>Créez un serveur ou rejoignez-en un avec une invitation.</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="221"/>
        <source>Create a server</source>
        <translation>Créer un serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="222"/>
        <source>Join with an invite</source>
        <translation>Rejoindre avec une invitation</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="223"/>
        <source>ADD FRIEND</source>
        <translation>AJOUTER UN AMI</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="224"/>
        <source>Friend&apos;s username</source>
        <translation>Nom d’utilisateur de l’ami</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="225"/>
        <source>Their username</source>
        <translation>Son nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="226"/>
        <source>Send friend request</source>
        <translation>Envoyer une demande d’ami</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="199"/>
        <source>Friend request sent to %1.</source>
        <translation>Demande d’ami envoyée à %1.</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="200"/>
        <source>Could not send a request to %1: check the username.</source>
        <translation>Impossible d’envoyer une demande à %1 : vérifiez le nom d’utilisateur.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/FriendsView.cpp" line="249"/>
        <source>%n friend request(s) waiting for you</source>
        <translation>
            <numerusform>%n demande d’ami vous attend</numerusform>
            <numerusform>%n demandes d’ami vous attendent</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="331"/>
        <source>No friend is online right now.</source>
        <translation>Aucun ami n’est en ligne pour le moment.</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="332"/>
        <source>No friends yet. Add someone by their username above.</source>
        <translation>Pas encore d’amis. Ajoutez quelqu’un par son nom d’utilisateur ci-dessus.</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="333"/>
        <source>No pending requests.</source>
        <translation>Aucune demande en attente.</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="334"/>
        <source>You block nobody.</source>
        <translation>Vous ne bloquez personne.</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="381"/>
        <source>Incoming friend request</source>
        <translation>Demande d’ami reçue</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="383"/>
        <source>Outgoing friend request</source>
        <translation>Demande d’ami envoyée</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="415"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="416"/>
        <source>New group…</source>
        <translation>Nouveau groupe…</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="417"/>
        <source>Start a group message with %1 and others</source>
        <translation>Démarrer une conversation de groupe avec %1 et d’autres</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="419"/>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="421"/>
        <source>Remove friend</source>
        <translation>Retirer des amis</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="424"/>
        <source>Block %1</source>
        <translation>Bloquer %1</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="429"/>
        <source>Accept %1&apos;s friend request</source>
        <translation>Accepter la demande d’ami de %1</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="431"/>
        <source>Decline %1&apos;s friend request</source>
        <translation>Refuser la demande d’ami de %1</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="434"/>
        <source>Cancel the request to %1</source>
        <translation>Annuler la demande à %1</translation>
    </message>
    <message>
        <location filename="../app/ui/FriendsView.cpp" line="436"/>
        <source>Unblock</source>
        <translation>Débloquer</translation>
    </message>
</context>
<context>
    <name>kith::app::GroupDmDialog</name>
    <message>
        <location filename="../app/ui/GroupDmDialog.cpp" line="23"/>
        <source>New group message</source>
        <translation>Nouveau message de groupe</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/GroupDmDialog.cpp" line="29"/>
        <source>Choose up to %n friend(s) to talk with together.</source>
        <translation>
            <numerusform>Choisissez jusqu’à %n ami pour discuter ensemble.</numerusform>
            <numerusform>Choisissez jusqu’à %n amis pour discuter ensemble.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/GroupDmDialog.cpp" line="34"/>
        <source>Friends to add</source>
        <translation>Amis à ajouter</translation>
    </message>
    <message>
        <location filename="../app/ui/GroupDmDialog.cpp" line="42"/>
        <source>Add friends first: a group message is for friends.</source>
        <translation>Ajoutez d’abord des amis : un message de groupe se fait entre amis.</translation>
    </message>
    <message>
        <location filename="../app/ui/GroupDmDialog.cpp" line="47"/>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <location filename="../app/ui/GroupDmDialog.cpp" line="49"/>
        <source>Group name (optional)</source>
        <translation>Nom du groupe (facultatif)</translation>
    </message>
    <message>
        <location filename="../app/ui/GroupDmDialog.cpp" line="53"/>
        <source>Create group</source>
        <translation>Créer le groupe</translation>
    </message>
</context>
<context>
    <name>kith::app::GuildDialog</name>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="21"/>
        <location filename="../app/ui/GuildDialog.cpp" line="24"/>
        <source>Add a server</source>
        <translation>Ajouter un serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="30"/>
        <source>Your server is where you and your friends hang out. It starts with a #general channel.</source>
        <translation>Votre serveur est l’endroit où vous retrouvez vos amis. Il commence avec un salon #general.</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="37"/>
        <location filename="../app/ui/GuildDialog.cpp" line="38"/>
        <source>Server name</source>
        <translation>Nom du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="41"/>
        <location filename="../app/ui/GuildDialog.cpp" line="67"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="46"/>
        <source>Enter an invite code or paste an invite link you were given.</source>
        <translation>Saisissez un code d’invitation ou collez le lien d’invitation reçu.</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="49"/>
        <source>Invite code or kith:// link</source>
        <translation>Code d’invitation ou lien kith://</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="127"/>
        <source>Joining…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="50"/>
        <source>Invite code</source>
        <translation>Code d’invitation</translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="58"/>
        <location filename="../app/ui/GuildDialog.cpp" line="67"/>
        <location filename="../app/ui/GuildDialog.cpp" line="127"/>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
</context>
<context>
    <name>kith::app::HostController</name>
    <message>
        <location filename="../app/session/HostController.cpp" line="57"/>
        <source>First connection to %1: its certificate (SHA-256 %2) is now remembered.</source>
        <translation>Première connexion à %1 : son certificat (SHA-256 %2) est désormais retenu.</translation>
    </message>
    <message>
        <location filename="../app/session/HostController.cpp" line="62"/>
        <source>Did not connect to %1: its certificate changed (expected %2, got %3). Someone may be pretending to be it. If its owner made a new one, leave it and join again.</source>
        <translation>Connexion à %1 refusée : son certificat a changé (attendu %2, reçu %3). Quelqu’un se fait peut-être passer pour lui. Si son propriétaire en a créé un nouveau, quittez-le puis rejoignez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../app/session/HostController.cpp" line="69"/>
        <source>Did not connect to %1: %2. Someone may be pretending to be it, or its owner must fix its certificate.</source>
        <translation>Pas de connexion à %1 : %2. Quelqu’un se fait peut-être passer pour lui, ou son propriétaire doit corriger son certificat.</translation>
    </message>
    <message>
        <location filename="../app/session/HostController.cpp" line="78"/>
        <source>The host ended %1. What was said there stays on the host&apos;s computer.</source>
        <translation>L’hôte a mis fin à %1. Ce qui s’y est dit reste sur son ordinateur.</translation>
    </message>
    <message>
        <location filename="../app/session/HostController.cpp" line="83"/>
        <source>The host of %1 removed you from the party.</source>
        <translation>L’hôte de %1 vous a retiré de la soirée.</translation>
    </message>
    <message>
        <location filename="../app/session/HostController.cpp" line="99"/>
        <source>Messages you type for %1 cannot be saved on this computer (%2). They are still sent while Kith runs; free some disk space or check the data folder.</source>
        <translation>Les messages que vous écrivez pour %1 ne peuvent pas être enregistrés sur cet ordinateur (%2). Ils sont tout de même envoyés tant que Kith tourne ; libérez de l’espace disque ou vérifiez le dossier de données.</translation>
    </message>
    <message>
        <location filename="../app/session/HostController.cpp" line="138"/>
        <source>Could not join %1: %2</source>
        <translation>Impossible de rejoindre %1 : %2</translation>
    </message>
</context>
<context>
    <name>kith::app::HostPartyDialog</name>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="21"/>
        <location filename="../app/ui/HostPartyDialog.cpp" line="111"/>
        <source>Start the party</source>
        <translation>Lancer la soirée</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="22"/>
        <source>End the party</source>
        <translation>Terminer la soirée</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="25"/>
        <location filename="../app/ui/HostPartyDialog.cpp" line="32"/>
        <source>Host a LAN party</source>
        <translation>Organiser une soirée LAN</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="35"/>
        <source>Your own server opens to your network: friends on it join as guests with a nickname, no account, no internet. Messages stay on this computer.</source>
        <translation>Votre propre serveur s’ouvre à votre réseau : vos amis qui y sont le rejoignent en invités avec un pseudo, sans compte ni Internet. Les messages restent sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="43"/>
        <location filename="../app/ui/HostPartyDialog.cpp" line="44"/>
        <source>Party name</source>
        <translation>Nom de la soirée</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="46"/>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="47"/>
        <source>Party password</source>
        <translation>Mot de passe de la soirée</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="48"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="56"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="69"/>
        <source>INVITE LINK</source>
        <translation>LIEN D’INVITATION</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="75"/>
        <source>Invite link</source>
        <translation>Lien d’invitation</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="77"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="83"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="115"/>
        <source>%1 is on</source>
        <translation>%1 a commencé</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="116"/>
        <source>Friends on your network join at %1</source>
        <translation>Vos amis sur le réseau rejoignent à %1</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="121"/>
        <source>Not encrypted.</source>
        <translation>Non chiffré.</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="122"/>
        <source>Encrypted. Guests see this certificate (SHA-256) as they join:</source>
        <translation>Chiffré. Les invités voient ce certificat (SHA-256) en rejoignant :</translation>
    </message>
    <message>
        <location filename="../app/ui/HostPartyDialog.cpp" line="119"/>
        <source>Here now: %1</source>
        <translation>Présents : %1</translation>
    </message>
</context>
<context>
    <name>kith::app::HostSession</name>
    <message>
        <location filename="../app/session/HostSession.cpp" line="47"/>
        <source>Your server</source>
        <translation>Votre serveur</translation>
    </message>
</context>
<context>
    <name>kith::app::HttpClient</name>
    <message>
        <location filename="../app/net/HttpClient.cpp" line="98"/>
        <source>the file is too large for this server</source>
        <translation>le fichier est trop gros pour ce serveur</translation>
    </message>
    <message>
        <location filename="../app/net/HttpClient.cpp" line="103"/>
        <source>the server answered %1</source>
        <translation>le serveur a répondu %1</translation>
    </message>
</context>
<context>
    <name>kith::app::ImageViewer</name>
    <message>
        <location filename="../app/ui/ImageViewer.cpp" line="19"/>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <location filename="../app/ui/ImageViewer.cpp" line="30"/>
        <source>%1 · %2×%3 · %4</source>
        <translation>%1 · %2×%3 · %4</translation>
    </message>
    <message>
        <location filename="../app/ui/ImageViewer.cpp" line="37"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../app/ui/ImageViewer.cpp" line="50"/>
        <source>Could not load the image: %1</source>
        <translation>Impossible de charger l’image : %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ImageViewer.cpp" line="50"/>
        <source>not a picture</source>
        <translation>ce n’est pas une image</translation>
    </message>
    <message>
        <location filename="../app/ui/ImageViewer.cpp" line="69"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../app/ui/ImageViewer.cpp" line="82"/>
        <source>Could not save: %1</source>
        <translation>Impossible d’enregistrer : %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ImageViewer.cpp" line="85"/>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ImageViewer.cpp" line="92"/>
        <source>Save image</source>
        <translation>Enregistrer l’image</translation>
    </message>
</context>
<context>
    <name>kith::app::InviteDialog</name>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="18"/>
        <source>Invite people</source>
        <translation>Inviter des personnes</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="21"/>
        <source>Invite people to %1</source>
        <translation>Inviter des gens dans %1</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="36"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="38"/>
        <source>Copy %1</source>
        <translation>Copier %1</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="44"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="48"/>
        <source>Send this link to a friend: pasted into Kith&apos;s &quot;+&quot; → Join (or opened, once Kith is installed), it finds this server and its guild.</source>
        <translation>Envoyez ce lien à un ami : collé dans « + » → Rejoindre de Kith (ou ouvert, une fois Kith installé), il trouve ce serveur et sa guilde.</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="53"/>
        <source>INVITE LINK</source>
        <translation>LIEN D’INVITATION</translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="55"/>
        <source>CODE, FOR PEOPLE ALREADY HERE</source>
        <translation>CODE, POUR CEUX QUI SONT DÉJÀ ICI</translation>
    </message>
</context>
<context>
    <name>kith::app::JoinHostDialog</name>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="21"/>
        <source>I am new there: create the account</source>
        <translation>Je suis nouveau : créer le compte</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="25"/>
        <location filename="../app/ui/JoinHostDialog.cpp" line="28"/>
        <location filename="../app/ui/JoinHostDialog.cpp" line="108"/>
        <location filename="../app/ui/JoinHostDialog.cpp" line="109"/>
        <source>Join %1</source>
        <translation>Rejoindre %1</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="31"/>
        <source>You stay signed in to the servers you are on; this one is added beside them.</source>
        <translation>Vous restez connecté à vos serveurs ; celui-ci s’ajoute à côté.</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="40"/>
        <source>How others see you</source>
        <translation>Comment les autres vous voient</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="41"/>
        <location filename="../app/ui/JoinHostDialog.cpp" line="42"/>
        <source>Nickname</source>
        <translation>Pseudo</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="44"/>
        <source>The party&apos;s password</source>
        <translation>Le mot de passe de la soirée</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="44"/>
        <source>None needed</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="45"/>
        <source>Party password</source>
        <translation>Mot de passe de la soirée</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="46"/>
        <location filename="../app/ui/JoinHostDialog.cpp" line="56"/>
        <location filename="../app/ui/JoinHostDialog.cpp" line="57"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="47"/>
        <source>As a guest</source>
        <translation>En invité</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="52"/>
        <location filename="../app/ui/JoinHostDialog.cpp" line="53"/>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="59"/>
        <source>With an account</source>
        <translation>Avec un compte</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="75"/>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="93"/>
        <source>Not encrypted: use this only on a network you trust.</source>
        <translation>Non chiffré : à utiliser seulement sur un réseau de confiance.</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="95"/>
        <source>Encrypted. Its certificate is remembered on the first connection; a different one later is refused.</source>
        <translation>Chiffré. Son certificat est retenu à la première connexion ; un autre sera refusé ensuite.</translation>
    </message>
    <message>
        <location filename="../app/ui/JoinHostDialog.cpp" line="98"/>
        <source>Encrypted. The host&apos;s screen shows the same certificate fingerprint (SHA-256):</source>
        <translation>Chiffré. L’écran de l’hôte affiche la même empreinte de certificat (SHA-256) :</translation>
    </message>
</context>
<context>
    <name>kith::app::LanBrowser</name>
    <message>
        <location filename="../app/session/LanBrowser.cpp" line="59"/>
        <source>Cannot listen for parties on UDP port %1: %2</source>
        <translation>Impossible d’écouter les soirées sur le port UDP %1 : %2</translation>
    </message>
</context>
<context>
    <name>kith::app::LocalSecret</name>
    <message>
        <location filename="../app/session/LocalSecret.cpp" line="67"/>
        <source>No system keychain found, and your local server&apos;s key could not be saved (%1): you will need to sign in again next time.</source>
        <translation>Aucun trousseau système trouvé, et la clé de votre serveur local n’a pas pu être enregistrée (%1) : il faudra vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../app/session/LocalSecret.cpp" line="68"/>
        <location filename="../app/session/LocalSecret.cpp" line="85"/>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
    <message>
        <location filename="../app/session/LocalSecret.cpp" line="79"/>
        <source>No system keychain found: your local server&apos;s key is kept in Kith&apos;s data folder, not encrypted; anyone who can read your files can read it.</source>
        <translation>Aucun trousseau système trouvé : la clé de votre serveur local est gardée dans le dossier de données de Kith, sans chiffrement ; quiconque peut lire vos fichiers peut la lire.</translation>
    </message>
    <message>
        <location filename="../app/session/LocalSecret.cpp" line="82"/>
        <source>No system keychain found: your local server&apos;s key is kept in Kith&apos;s data folder, readable only by you.</source>
        <translation>Aucun trousseau système trouvé : la clé de votre serveur local est gardée dans le dossier de données de Kith, lisible par vous seul.</translation>
    </message>
</context>
<context>
    <name>kith::app::LocalServer</name>
    <message>
        <location filename="../app/session/LocalServer.cpp" line="26"/>
        <source>The local server did not start: %1</source>
        <translation>Le serveur local n’a pas démarré : %1</translation>
    </message>
    <message>
        <location filename="../app/session/LocalServer.cpp" line="32"/>
        <source>Port %1 is used by another program, so your server listens on port %2 for now. It takes port %1 back as soon as it is free.</source>
        <translation>Le port %1 est pris par un autre programme : votre serveur écoute sur le port %2 pour l’instant. Il reprend le port %1 dès qu’il se libère.</translation>
    </message>
    <message>
        <location filename="../app/session/LocalServer.cpp" line="37"/>
        <source>Your server listens on port %1 again.</source>
        <translation>Votre serveur écoute de nouveau sur le port %1.</translation>
    </message>
</context>
<context>
    <name>kith::app::MainWindow</name>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="211"/>
        <source>Kith</source>
        <translation>Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="216"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="127"/>
        <source>Leave %1</source>
        <translation>Quitter %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="128"/>
        <source>Sign out of %1 and remove it from this app? Your other servers stay.</source>
        <translation>Se déconnecter de %1 et le retirer de l’application ? Vos autres serveurs restent.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="153"/>
        <source>Delete channel</source>
        <translation>Supprimer le salon</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="153"/>
        <source>Delete #%1 and all its messages?</source>
        <translation>Supprimer #%1 et tous ses messages ?</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="158"/>
        <source>Leave server</source>
        <translation>Quitter le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="158"/>
        <source>Leave %1?</source>
        <translation>Quitter %1 ?</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="164"/>
        <source>Rename server</source>
        <translation>Renommer le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="165"/>
        <source>Server name</source>
        <translation>Nom du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="175"/>
        <source>Delete server</source>
        <translation>Supprimer le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="175"/>
        <source>Delete %1 with all its channels and messages, for everyone?</source>
        <translation>Supprimer %1 avec tous ses salons et messages, pour tout le monde ?</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="180"/>
        <source>Leave group</source>
        <translation>Quitter le groupe</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="180"/>
        <source>Leave %1? You can come back only if someone adds you.</source>
        <translation>Quitter %1 ? Vous ne pourrez revenir que si quelqu’un vous ajoute.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="208"/>
        <source>@%1 · Kith</source>
        <translation>@%1 · Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="210"/>
        <source>Friends · Kith</source>
        <translation>Amis · Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="416"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="418"/>
        <source>Start a group message…</source>
        <translation>Démarrer une conversation de groupe…</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="423"/>
        <source>Add friend</source>
        <translation>Ajouter en ami</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="425"/>
        <source>Accept friend request</source>
        <translation>Accepter la demande d’ami</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="431"/>
        <source>Kick %1 from the party</source>
        <translation>Exclure %1 de la soirée</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="431"/>
        <location filename="../app/ui/MainWindow.cpp" line="433"/>
        <source>Kick %1</source>
        <translation>Exclure %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="434"/>
        <source>Remove %1 from the party? They cannot come back while it lasts.</source>
        <translation>Retirer %1 de la soirée ? Il ne pourra pas revenir tant qu’elle dure.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="435"/>
        <source>Remove %1 from this server? They can come back with a new invite.</source>
        <translation>Retirer %1 de ce serveur ? Il pourra revenir avec une nouvelle invitation.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="443"/>
        <source>Make admin</source>
        <translation>Nommer administrateur</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="445"/>
        <source>Make member</source>
        <translation>Repasser membre</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="447"/>
        <source>Transfer ownership…</source>
        <translation>Transférer la propriété…</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="448"/>
        <source>Transfer ownership</source>
        <translation>Transférer la propriété</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="448"/>
        <source>Make %1 the owner? You become an admin.</source>
        <translation>Faire de %1 le propriétaire ? Vous devenez administrateur.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="663"/>
        <source>That invite code is not valid here. Check it, or ask for a new one.</source>
        <translation>Ce code d’invitation n’est pas valable ici. Vérifiez-le ou demandez-en un nouveau.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="665"/>
        <source>Joining failed.</source>
        <translation>Échec de la connexion.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="209"/>
        <source>#%1 · %2 · Kith</source>
        <translation>#%1 · %2 · Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="629"/>
        <source>%1&apos;s server</source>
        <translation>Serveur de %1</translation>
    </message>
</context>
<context>
    <name>kith::app::MemberDelegate</name>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="21"/>
        <source>OWNER</source>
        <translation>PROPRIÉTAIRE</translation>
    </message>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="23"/>
        <source>ADMINS</source>
        <translation>ADMINISTRATEURS</translation>
    </message>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="25"/>
        <source>GUESTS</source>
        <translation>INVITÉS</translation>
    </message>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="29"/>
        <source>MEMBERS</source>
        <translation>MEMBRES</translation>
    </message>
</context>
<context>
    <name>kith::app::MessageDelegate</name>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="379"/>
        <source>(edited)</source>
        <translation>(modifié)</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="487"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="489"/>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="532"/>
        <source>NEW</source>
        <translation>NOUVEAU</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="605"/>
        <source>Today at %1</source>
        <translation>Aujourd’hui à %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="608"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="671"/>
        <source>Not sent: %1. Right-click to retry.</source>
        <translation>Non envoyé : %1. Clic droit pour réessayer.</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="687"/>
        <source>Original message was deleted</source>
        <translation>Le message d’origine a été supprimé</translation>
    </message>
</context>
<context>
    <name>kith::app::MessageListModel</name>
    <message>
        <location filename="../app/state/MessageListModel.cpp" line="78"/>
        <source>*Message from someone you blocked.* [Show message](%1)</source>
        <translation>*Message d’une personne que vous avez bloquée.* [Afficher le message](%1)</translation>
    </message>
</context>
<context>
    <name>kith::app::MessageView</name>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="43"/>
        <location filename="../app/ui/MessageView.cpp" line="308"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="158"/>
        <source>You reacted with %1</source>
        <translation>Vous avez réagi avec %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="160"/>
        <source>You and 1 other reacted with %1</source>
        <translation>Vous et une autre personne avez réagi avec %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="162"/>
        <source>You and %1 others reacted with %2</source>
        <translation>Vous et %1 autres personnes avez réagi avec %2</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="164"/>
        <source>1 person reacted with %1</source>
        <translation>Une personne a réagi avec %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="165"/>
        <source>%1 people reacted with %2</source>
        <translation>%1 personnes ont réagi avec %2</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="176"/>
        <source>%1 reacted with %2</source>
        <translation>Réaction %2 : %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="178"/>
        <source>%1 and %2 reacted with %3</source>
        <translation>Réaction %3 : %1 et %2</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="180"/>
        <source>%1 and 1 other reacted with %2</source>
        <translation>Réaction %2 : %1 et une autre personne</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="181"/>
        <source>%1 and %2 others reacted with %3</source>
        <translation>Réaction %3 : %1 et %2 autres personnes</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="229"/>
        <location filename="../app/ui/MessageView.cpp" line="245"/>
        <location filename="../app/ui/MessageView.cpp" line="526"/>
        <source>Add reaction</source>
        <translation>Ajouter une réaction</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="250"/>
        <source>Go to the original message</source>
        <translation>Aller au message d’origine</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="256"/>
        <source>Open the image</source>
        <translation>Ouvrir l’image</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="256"/>
        <source>Save the file</source>
        <translation>Enregistrer le fichier</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="508"/>
        <source>Show message</source>
        <translation>Afficher le message</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="508"/>
        <source>Hide message</source>
        <translation>Masquer le message</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="513"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="514"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="234"/>
        <location filename="../app/ui/MessageView.cpp" line="522"/>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="518"/>
        <source>Cancel sending</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="530"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="532"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="535"/>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="537"/>
        <source>Copy message ID</source>
        <translation>Copier l’identifiant du message</translation>
    </message>
</context>
<context>
    <name>kith::app::Notifications</name>
    <message>
        <location filename="../app/session/Notifications.cpp" line="83"/>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <location filename="../app/session/Notifications.cpp" line="85"/>
        <source>%1 in #%2 (%3)</source>
        <translation>%1 dans #%2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/session/Notifications.cpp" line="87"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>kith::app::Outbox</name>
    <message>
        <location filename="../app/net/Outbox.cpp" line="223"/>
        <source>cannot copy %1</source>
        <translation>impossible de copier %1</translation>
    </message>
    <message>
        <location filename="../app/net/Outbox.cpp" line="337"/>
        <source>the file %1 is gone</source>
        <translation>le fichier %1 a disparu</translation>
    </message>
</context>
<context>
    <name>kith::app::PartyList</name>
    <message>
        <location filename="../app/ui/PartyList.cpp" line="15"/>
        <source>Join party</source>
        <translation>Rejoindre la soirée</translation>
    </message>
    <message>
        <location filename="../app/ui/PartyList.cpp" line="20"/>
        <location filename="../app/ui/PartyList.cpp" line="24"/>
        <source>Parties on your network</source>
        <translation>Soirées sur votre réseau</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/PartyList.cpp" line="94"/>
        <source>%n here</source>
        <translation>
            <numerusform>%n présent</numerusform>
            <numerusform>%n présents</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/PartyList.cpp" line="96"/>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <location filename="../app/ui/PartyList.cpp" line="98"/>
        <source>Not encrypted</source>
        <translation>Non chiffré</translation>
    </message>
    <message>
        <location filename="../app/ui/PartyList.cpp" line="98"/>
        <source>Certificate SHA-256 %1</source>
        <translation>Certificat SHA-256 %1</translation>
    </message>
    <message>
        <location filename="../app/ui/PartyList.cpp" line="99"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../app/ui/PartyList.cpp" line="108"/>
        <source>Looking for parties… none heard yet. If the host is on another network, ask for the address or an invite link.</source>
        <translation>Recherche de soirées… aucune pour l’instant. Si l’hôte est sur un autre réseau, demandez-lui l’adresse ou un lien d’invitation.</translation>
    </message>
</context>
<context>
    <name>kith::app::PermissionTexts</name>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="17"/>
        <source>View channels</source>
        <translation>Voir les salons</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="18"/>
        <source>View channel</source>
        <translation>Voir le salon</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="19"/>
        <source>See the channel and read its messages.</source>
        <translation>Voir le salon et lire ses messages.</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="20"/>
        <location filename="../app/ui/PermissionTexts.cpp" line="21"/>
        <source>Send messages</source>
        <translation>Envoyer des messages</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="22"/>
        <location filename="../app/ui/PermissionTexts.cpp" line="23"/>
        <source>Add reactions</source>
        <translation>Ajouter des réactions</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="24"/>
        <location filename="../app/ui/PermissionTexts.cpp" line="25"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="26"/>
        <location filename="../app/ui/PermissionTexts.cpp" line="27"/>
        <source>Mention @everyone</source>
        <translation>Mentionner @everyone</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="28"/>
        <location filename="../app/ui/PermissionTexts.cpp" line="29"/>
        <source>Manage messages</source>
        <translation>Gérer les messages</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="30"/>
        <source>Delete others&apos; messages; not held back by slow mode.</source>
        <translation>Supprimer les messages des autres ; pas retenu par le mode lent.</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="31"/>
        <source>Manage channels</source>
        <translation>Gérer les salons</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="33"/>
        <source>Manage roles</source>
        <translation>Gérer les rôles</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="35"/>
        <source>Kick members</source>
        <translation>Expulser des membres</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="37"/>
        <source>Ban members</source>
        <translation>Bannir des membres</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="39"/>
        <source>Time out members</source>
        <translation>Exclure temporairement des membres</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="41"/>
        <source>Manage server</source>
        <translation>Gérer le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="43"/>
        <source>View audit log</source>
        <translation>Voir le journal d’audit</translation>
    </message>
    <message>
        <location filename="../app/ui/PermissionTexts.cpp" line="45"/>
        <source>View server statistics</source>
        <translation>Voir les statistiques du serveur</translation>
    </message>
</context>
<context>
    <name>kith::app::PrimarySignIn</name>
    <message>
        <location filename="../app/session/PrimarySignIn.cpp" line="59"/>
        <source>No system keychain found: you will need to sign in again next time.</source>
        <translation>Aucun trousseau système trouvé : il faudra vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../app/session/PrimarySignIn.cpp" line="88"/>
        <location filename="../app/session/PrimarySignIn.cpp" line="165"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location filename="../app/session/PrimarySignIn.cpp" line="91"/>
        <source>Sign in to %1 again.</source>
        <translation>Reconnectez-vous à %1.</translation>
    </message>
    <message>
        <location filename="../app/session/PrimarySignIn.cpp" line="114"/>
        <source>Starting your local server…</source>
        <translation>Démarrage de votre serveur local…</translation>
    </message>
    <message>
        <location filename="../app/session/PrimarySignIn.cpp" line="152"/>
        <source>The key of your local account is missing.</source>
        <translation>La clé de votre compte local est introuvable.</translation>
    </message>
    <message>
        <location filename="../app/session/PrimarySignIn.cpp" line="215"/>
        <source>Your local account&apos;s saved key was refused (its password was changed, or it was signed out everywhere), and without a system keychain Kith keeps no password. &quot;kith-server admin reset-password %1 --data %2&quot; sets a new one.</source>
        <translation>La clé enregistrée de votre compte local a été refusée (son mot de passe a changé, ou il a été déconnecté partout), et sans trousseau système Kith ne garde aucun mot de passe. « kith-server admin reset-password %1 --data %2 » en définit un nouveau.</translation>
    </message>
    <message>
        <location filename="../app/session/PrimarySignIn.cpp" line="221"/>
        <source>Sign-in failed.</source>
        <translation>La connexion a échoué.</translation>
    </message>
    <message>
        <location filename="../app/session/PrimarySignIn.cpp" line="230"/>
        <source>%1&apos;s server</source>
        <translation>Serveur de %1</translation>
    </message>
</context>
<context>
    <name>kith::app::ProfileDialog</name>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="32"/>
        <source>Server icon</source>
        <translation>Icône du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="32"/>
        <source>Edit profile</source>
        <translation>Modifier le profil</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="47"/>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="51"/>
        <source>Choose icon…</source>
        <translation>Choisir une icône…</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="51"/>
        <source>Choose avatar…</source>
        <translation>Choisir un avatar…</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="55"/>
        <source>Remove icon</source>
        <translation>Retirer l’icône</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="55"/>
        <source>Remove avatar</source>
        <translation>Retirer l’avatar</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="66"/>
        <source>Drag the circle to choose what shows; the mouse wheel or + and − zoom.</source>
        <translation>Faites glisser le cercle pour choisir ce qui se voit ; la molette ou + et − zooment.</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="113"/>
        <source>Choose an image</source>
        <translation>Choisir une image</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="114"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="121"/>
        <source>That file is not an image this app can read.</source>
        <translation>Ce fichier n’est pas une image que cette application sait lire.</translation>
    </message>
    <message>
        <location filename="../app/ui/ProfileDialog.cpp" line="164"/>
        <source>The host refused it.</source>
        <translation>L’hôte l’a refusé.</translation>
    </message>
</context>
<context>
    <name>kith::app::QuickSwitcher</name>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="14"/>
        <source>No results</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="16"/>
        <source>Quick switcher</source>
        <translation>Navigation rapide</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="20"/>
        <source>Where to? Type part of a channel, server, DM or friend&apos;s name.</source>
        <translation>Où aller ? Tapez une partie du nom d’un salon, d’un serveur, d’un message privé ou d’un ami.</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="23"/>
        <source>Search channels, servers, DMs and friends</source>
        <translation>Chercher salons, serveurs, messages privés et amis</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="24"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="85"/>
        <source>@ %1   —  direct message</source>
        <translation>@ %1   —  message privé</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="86"/>
        <source>%1   —  friend</source>
        <translation>%1   —  ami</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="88"/>
        <source>   ·  %1</source>
        <translation>   ·  %1</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="84"/>
        <source># %1   —  %2</source>
        <translation># %1   —  %2</translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="83"/>
        <source>%1  (server)</source>
        <translation>%1  (serveur)</translation>
    </message>
</context>
<context>
    <name>kith::app::SearchPanel</name>
    <message>
        <location filename="../app/ui/SearchPanel.cpp" line="238"/>
        <source>Nobody here is called %1.</source>
        <translation>Personne ici ne s’appelle %1.</translation>
    </message>
    <message>
        <location filename="../app/ui/SearchPanel.cpp" line="245"/>
        <source>There is no channel #%1 here.</source>
        <translation>Il n’y a pas de salon #%1 ici.</translation>
    </message>
    <message>
        <location filename="../app/ui/SearchPanel.cpp" line="250"/>
        <source>Search for has:attachment, has:image or has:link.</source>
        <translation>Cherchez has:attachment, has:image ou has:link.</translation>
    </message>
    <message>
        <location filename="../app/ui/SearchPanel.cpp" line="253"/>
        <source>Type words to find, or a filter.</source>
        <translation>Tapez des mots à trouver, ou un filtre.</translation>
    </message>
    <message>
        <location filename="../app/ui/SearchPanel.cpp" line="273"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../app/ui/SearchPanel.cpp" line="275"/>
        <source>%1+ results</source>
        <translation>%1+ résultats</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/SearchPanel.cpp" line="277"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/SearchPanel.cpp" line="283"/>
        <source>Search failed: %1</source>
        <translation>La recherche a échoué : %1</translation>
    </message>
    <message>
        <location filename="../app/ui/SearchPanel.cpp" line="285"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../app/ui/SearchPanel.cpp" line="287"/>
        <source>No results. Try fewer words, or other filters.</source>
        <translation>Aucun résultat. Essayez moins de mots, ou d’autres filtres.</translation>
    </message>
</context>
<context>
    <name>kith::app::ServerRail</name>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="178"/>
        <source>Home: friends and direct messages</source>
        <translation>Accueil : amis et messages privés</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="179"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="180"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="181"/>
        <source>Create or join a server</source>
        <translation>Créer ou rejoindre un serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="183"/>
        <source>Explore servers</source>
        <translation>Explorer les serveurs</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="185"/>
        <source>Host a LAN party</source>
        <translation>Organiser une soirée LAN</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="215"/>
        <location filename="../app/ui/ServerRail.cpp" line="225"/>
        <source>Host: %1</source>
        <translation>Hôte : %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="224"/>
        <source>%1: open its home</source>
        <translation>%1 : ouvrir son accueil</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="232"/>
        <source>Leave %1</source>
        <translation>Quitter %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/ServerRail.cpp" line="322"/>
        <source>%1: %n unread</source>
        <translation>
            <numerusform>%1 : %n non lu</numerusform>
            <numerusform>%1 : %n non lus</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="344"/>
        <source>Mark as read</source>
        <translation>Marquer comme lu</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="347"/>
        <source>Unmute server</source>
        <translation>Réactiver le serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="347"/>
        <source>Mute server</source>
        <translation>Mettre le serveur en sourdine</translation>
    </message>
</context>
<context>
    <name>kith::app::ServerSettingsDialog</name>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="57"/>
        <source>Server settings — %1</source>
        <translation>Paramètres du serveur — %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="51"/>
        <source>Server settings sections</source>
        <translation>Sections des paramètres du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="111"/>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="118"/>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="120"/>
        <source>Server name</source>
        <translation>Nom du serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="121"/>
        <source>Change icon…</source>
        <translation>Changer l’icône…</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="126"/>
        <source>Icon</source>
        <translation>Icône</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="130"/>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="135"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="132"/>
        <source>What this server is about, for people finding it in Explore servers</source>
        <translation>De quoi parle ce serveur, pour qui le trouve dans Explorer les serveurs</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="137"/>
        <source>List this server in Explore servers: anyone may find it and join</source>
        <translation>Lister ce serveur dans Explorer les serveurs : tout le monde peut le trouver et le rejoindre</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="141"/>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="309"/>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="154"/>
        <source>The description is %1 characters long; at most %2 fit.</source>
        <translation>La description fait %1 caractères ; %2 au plus.</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="159"/>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="455"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="167"/>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="173"/>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="168"/>
        <source>Who changed what in this server, newest first; kept 90 days.</source>
        <translation>Qui a changé quoi sur ce serveur, le plus récent d’abord ; conservé 90 jours.</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="175"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="175"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="175"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="175"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="186"/>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="202"/>
        <source>someone no longer here</source>
        <translation>quelqu’un qui n’est plus là</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="233"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="238"/>
        <source>reason: %1</source>
        <translation>motif : %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="245"/>
        <source>Nothing yet</source>
        <translation>Rien pour l’instant</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="253"/>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="486"/>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="255"/>
        <source>People take the colour of their highest coloured role, and are listed under their highest role. Drag roles to order them: a role can manage only those below it.</source>
        <translation>Chacun prend la couleur de son rôle coloré le plus haut et apparaît sous son rôle le plus haut. Faites glisser les rôles pour les ordonner : un rôle ne gère que ceux qui sont en dessous.</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="266"/>
        <source>Create role</source>
        <translation>Créer un rôle</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="271"/>
        <source>Roles, highest first</source>
        <translation>Rôles, du plus haut au plus bas</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="283"/>
        <source>Role name</source>
        <translation>Nom du rôle</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="285"/>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="486"/>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="639"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="289"/>
        <source>Role colour</source>
        <translation>Couleur du rôle</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="290"/>
        <source>No colour</source>
        <translation>Sans couleur</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="295"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="296"/>
        <source>Anyone may @mention this role</source>
        <translation>Tout le monde peut @mentionner ce rôle</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="307"/>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="311"/>
        <source>Delete role</source>
        <translation>Supprimer le rôle</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="322"/>
        <source>new role</source>
        <translation>nouveau rôle</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="430"/>
        <source>Pick…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="481"/>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="484"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="486"/>
        <source>Timed out until</source>
        <translation>Exclu jusqu’à</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="490"/>
        <source>Roles…</source>
        <translation>Rôles…</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="492"/>
        <source>Time out…</source>
        <translation>Exclure temporairement…</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="494"/>
        <source>Kick</source>
        <translation>Expulser</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="498"/>
        <source>Reason for a ban (optional)</source>
        <translation>Motif du bannissement (facultatif)</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="499"/>
        <source>Reason for a ban</source>
        <translation>Motif du bannissement</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="500"/>
        <source>Ban</source>
        <translation>Bannir</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="530"/>
        <source>Removed from the server.</source>
        <translation>Retiré du serveur.</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="533"/>
        <source>Banned.</source>
        <translation>Banni.</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="594"/>
        <source>No roles yet: create one under Roles</source>
        <translation>Aucun rôle pour l’instant : créez-en un dans Rôles</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="613"/>
        <source>60 seconds</source>
        <translation>60 secondes</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="613"/>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="614"/>
        <source>10 minutes</source>
        <translation>10 minutes</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="614"/>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="615"/>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="615"/>
        <source>1 week</source>
        <translation>1 semaine</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="619"/>
        <source>Remove timeout</source>
        <translation>Lever l’exclusion</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="626"/>
        <source>Timed out.</source>
        <translation>Exclu temporairement.</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="626"/>
        <source>Timeout removed.</source>
        <translation>Exclusion levée.</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="634"/>
        <source>Bans</source>
        <translation>Bannissements</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="637"/>
        <source>Banned people</source>
        <translation>Personnes bannies</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="639"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="639"/>
        <source>Banned on</source>
        <translation>Banni le</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="643"/>
        <source>Revoke ban</source>
        <translation>Révoquer le bannissement</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="659"/>
        <source>Ban revoked.</source>
        <translation>Bannissement révoqué.</translation>
    </message>
    <message>
        <location filename="../app/ui/ServerSettingsDialog.cpp" line="682"/>
        <source>Nobody is banned.</source>
        <translation>Personne n’est banni.</translation>
    </message>
</context>
<context>
    <name>kith::app::SettingsDialog</name>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="309"/>
        <source>For direct messages and mentions, when Kith is in the background</source>
        <translation>Pour les messages privés et les mentions, quand Kith est en arrière-plan</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="310"/>
        <source>Play a sound for them</source>
        <translation>Jouer un son pour elles</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="269"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="326"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="270"/>
        <source>Settings sections</source>
        <translation>Sections des paramètres</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="107"/>
        <source>My account</source>
        <translation>Mon compte</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="117"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="280"/>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="207"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="304"/>
        <source>Message display</source>
        <translation>Affichage des messages</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="232"/>
        <source>Kith speaks the chosen language at once.</source>
        <translation>Kith adopte aussitôt la langue choisie.</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="282"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="285"/>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="286"/>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="287"/>
        <source>New password again</source>
        <translation>Nouveau mot de passe (encore)</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="292"/>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="161"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="170"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="294"/>
        <source>The new passwords differ.</source>
        <translation>Les nouveaux mots de passe diffèrent.</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="200"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="301"/>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="303"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="210"/>
        <source>The window behind shows each choice at once.</source>
        <translation>La fenêtre derrière montre chaque choix aussitôt.</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="313"/>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="193"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="300"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="225"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="231"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="314"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="213"/>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="138"/>
        <source>Avatar</source>
        <translation>Avatar</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="188"/>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="222"/>
        <source>Do not disturb silences both; right-click a channel or server to mute it.</source>
        <translation>Ne pas déranger coupe les deux ; clic droit sur un salon ou un serveur pour le mettre en sourdine.</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="236"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="330"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="283"/>
        <source>Edit profile…</source>
        <translation>Modifier le profil…</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="284"/>
        <source>Edit profile and avatar</source>
        <translation>Modifier le profil et l’avatar</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="305"/>
        <source>Cozy: avatars, names above messages</source>
        <translation>Confortable : avatars, noms au-dessus des messages</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="306"/>
        <source>Compact: more messages, names on their line</source>
        <translation>Compact : plus de messages, noms sur la même ligne</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="318"/>
        <source>Find a channel, a conversation or a friend</source>
        <translation>Trouver un salon, une conversation ou un ami</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="319"/>
        <source>Previous channel</source>
        <translation>Salon précédent</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="320"/>
        <source>Next channel</source>
        <translation>Salon suivant</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="321"/>
        <source>Edit your last message (in an empty message field)</source>
        <translation>Modifier votre dernier message (champ de message vide)</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="322"/>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="323"/>
        <source>New line in the message</source>
        <translation>Nouvelle ligne dans le message</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="324"/>
        <source>Cancel an edit, close what is open</source>
        <translation>Annuler une modification, fermer ce qui est ouvert</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="325"/>
        <source>Hold while clicking Delete: delete without asking</source>
        <translation>Maintenir en cliquant sur Supprimer : supprimer sans confirmation</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="327"/>
        <source>Connection log</source>
        <translation>Journal de connexion</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="328"/>
        <source>Quit Kith</source>
        <translation>Quitter Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="331"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="331"/>
        <source>What they do</source>
        <translation>Effet</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="245"/>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="338"/>
        <source>Every network (broadcast)</source>
        <translation>Tous les réseaux (diffusion)</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="339"/>
        <source>LAN parties: where to announce and listen</source>
        <translation>Soirées LAN : où annoncer et écouter</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="342"/>
        <source>HOST:PORT of one address to announce parties to and hear them on, for networks where broadcasts do not reach. Empty: every network this computer is on.</source>
        <translation>HÔTE:PORT d’une adresse où annoncer les soirées et les entendre, pour les réseaux que la diffusion n’atteint pas. Vide : tous les réseaux de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="247"/>
        <source>LAN parties</source>
        <translation>Soirées LAN</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="253"/>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="295"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="344"/>
        <source>Connection log…</source>
        <translation>Journal de connexion…</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="345"/>
        <source>The protocol frames Kith sent and received, with tokens and passwords hidden</source>
        <translation>Les trames du protocole envoyées et reçues par Kith, jetons et mots de passe masqués</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="257"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="281"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="391"/>
        <source>Guests keep the nickname they joined with.</source>
        <translation>Les invités gardent le pseudo avec lequel ils sont arrivés.</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="406"/>
        <source>Saved: others see you as %1.</source>
        <translation>Enregistré : les autres vous voient comme %1.</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="421"/>
        <source>Password changed. Your other devices were signed out.</source>
        <translation>Mot de passe changé. Vos autres appareils ont été déconnectés.</translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="341"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="435"/>
        <source>Set by KITH_ANNOUNCE in the environment.</source>
        <translation>Fixé par KITH_ANNOUNCE dans l’environnement.</translation>
    </message>
</context>
<context>
    <name>kith::app::StatsPage</name>
    <message>
        <location filename="../app/ui/StatsPage.cpp" line="48"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../app/ui/StatsPage.cpp" line="102"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/StatsPage.cpp" line="50"/>
        <source>Last %n days</source>
        <translation>
            <numerusform>Dernier jour</numerusform>
            <numerusform>%n derniers jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/StatsPage.cpp" line="120"/>
        <source>%n messages in %1 days; the busiest day was %2.</source>
        <translation>
            <numerusform>%n message en %1 jours ; le jour le plus actif a été le %2.</numerusform>
            <numerusform>%n messages en %1 jours ; le jour le plus actif a été le %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/StatsPage.cpp" line="123"/>
        <source>No messages in the last %1 days.</source>
        <translation>Aucun message ces %1 derniers jours.</translation>
    </message>
    <message>
        <location filename="../app/ui/StatsPage.cpp" line="132"/>
        <source>a deleted channel</source>
        <translation>un salon supprimé</translation>
    </message>
    <message>
        <location filename="../app/ui/StatsPage.cpp" line="160"/>
        <source>Messages per day</source>
        <translation>Messages par jour</translation>
    </message>
    <message>
        <location filename="../app/ui/StatsPage.cpp" line="161"/>
        <source>Top senders</source>
        <translation>Plus actifs</translation>
    </message>
    <message>
        <location filename="../app/ui/StatsPage.cpp" line="162"/>
        <source>Busiest channels</source>
        <translation>Salons les plus actifs</translation>
    </message>
    <message>
        <location filename="../app/ui/StatsPage.cpp" line="163"/>
        <source>Most online at once</source>
        <translation>Le plus de personnes en ligne à la fois</translation>
    </message>
    <message>
        <location filename="../app/ui/StatsPage.cpp" line="164"/>
        <source>Connects most</source>
        <translation>Se connectent le plus</translation>
    </message>
</context>
<context>
    <name>kith::app::Theme</name>
    <message>
        <location filename="../app/ui/Theme.cpp" line="158"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../app/ui/Theme.cpp" line="160"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../app/ui/Theme.cpp" line="162"/>
        <source>Midnight (black)</source>
        <translation>Minuit (noir)</translation>
    </message>
    <message>
        <location filename="../app/ui/Theme.cpp" line="164"/>
        <source>Ash (grey)</source>
        <translation>Cendre (gris)</translation>
    </message>
    <message>
        <location filename="../app/ui/Theme.cpp" line="166"/>
        <source>Nord (cool blue)</source>
        <translation>Nord (bleu froid)</translation>
    </message>
    <message>
        <location filename="../app/ui/Theme.cpp" line="168"/>
        <source>Forest (green)</source>
        <translation>Forêt (vert)</translation>
    </message>
    <message>
        <location filename="../app/ui/Theme.cpp" line="170"/>
        <source>Sepia (warm light)</source>
        <translation>Sépia (clair chaud)</translation>
    </message>
    <message>
        <location filename="../app/ui/Theme.cpp" line="172"/>
        <source>Ocean (blue light)</source>
        <translation>Océan (clair bleuté)</translation>
    </message>
    <message>
        <location filename="../app/ui/Theme.cpp" line="173"/>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
</context>
<context>
    <name>kith::app::TrayNotifier</name>
    <message>
        <location filename="../app/platform/TrayNotifier.cpp" line="20"/>
        <location filename="../app/platform/TrayNotifier.cpp" line="112"/>
        <source>Kith</source>
        <translation>Kith</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/platform/TrayNotifier.cpp" line="112"/>
        <source>Kith: %n unread</source>
        <translation>
            <numerusform>Kith : %n non lu</numerusform>
            <numerusform>Kith : %n non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kith::app::UserFooter</name>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="83"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="84"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="120"/>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="122"/>
        <source>Do not disturb</source>
        <translation>Ne pas déranger</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="124"/>
        <source>Invisible</source>
        <translation>Invisible</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="127"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="141"/>
        <source>Set a custom status…</source>
        <translation>Définir un statut personnalisé…</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="142"/>
        <source>Edit profile…</source>
        <translation>Modifier le profil…</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="144"/>
        <source>Clear the custom status</source>
        <translation>Effacer le statut personnalisé</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="153"/>
        <source>Custom status</source>
        <translation>Statut personnalisé</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="154"/>
        <source>What are you up to?</source>
        <translation>Que faites-vous ?</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="106"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="80"/>
        <location filename="../app/ui/UserFooter.cpp" line="81"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="82"/>
        <source>Connection log</source>
        <translation>Journal de connexion</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="85"/>
        <source>Set your status</source>
        <translation>Choisir votre statut</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="108"/>
        <source>Signing in…</source>
        <translation>Identification…</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="110"/>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="114"/>
        <location filename="../app/ui/UserFooter.cpp" line="126"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
</context>
<context>
    <name>kith::app::WelcomeScreen</name>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="96"/>
        <source>Welcome to Kith</source>
        <translation>Bienvenue dans Kith</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="97"/>
        <source>Chat with your people, on a server you run.</source>
        <translation>Discutez avec vos proches, sur un serveur à vous.</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="98"/>
        <location filename="../app/ui/WelcomeScreen.cpp" line="102"/>
        <source>Start a local server</source>
        <translation>Démarrer un serveur local</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="99"/>
        <source>Runs inside this app, on this computer. Nothing to set up: you get your own server with a #general channel.</source>
        <translation>Il tourne dans l’application, sur cet ordinateur. Rien à configurer : vous obtenez votre serveur avec un salon #general.</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="101"/>
        <source>Your name (optional)</source>
        <translation>Votre nom (facultatif)</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="103"/>
        <source>Host a LAN party</source>
        <translation>Organiser une soirée LAN</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="104"/>
        <source>Your server, opened to your network: friends join as guests</source>
        <translation>Votre serveur, ouvert à votre réseau : vos amis le rejoignent en invités</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="105"/>
        <source>Connect to a server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="106"/>
        <source>Someone runs a Kith server for you? Enter its address.</source>
        <translation>Quelqu’un héberge un serveur Kith pour vous ? Saisissez son adresse.</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="107"/>
        <source>ws://host:%1</source>
        <translation>ws://hôte:%1</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="108"/>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="109"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="110"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="111"/>
        <source>Create account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="149"/>
        <source>Enter the server&apos;s address, like ws://example.org:%1</source>
        <translation>Saisissez l’adresse du serveur, par exemple ws://example.org:%1</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="154"/>
        <source>Username: 2 to 32 letters, digits, dots or underscores.</source>
        <translation>Nom d’utilisateur : 2 à 32 lettres, chiffres, points ou tirets bas.</translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="158"/>
        <source>Password: at least %1 characters.</source>
        <translation>Mot de passe : au moins %1 caractères.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="35"/>
        <source>Kith: chat with your people, on a server you run.</source>
        <translation>Kith : discutez avec vos proches, sur un serveur à vous.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="39"/>
        <source>Keep all settings and data in &lt;dir&gt; (also: KITH_DATA).</source>
        <translation>Garder tous les réglages et données dans &lt;dir&gt; (aussi : KITH_DATA).</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="42"/>
        <source>Open straight into the local server, creating it on first use.</source>
        <translation>Ouvrir directement le serveur local, en le créant à la première utilisation.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="44"/>
        <source>Print start-up timings (epoch ms) to stdout.</source>
        <translation>Afficher les temps de démarrage (ms epoch) sur la sortie standard.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="46"/>
        <source>Quit as soon as the chat is usable (for measuring).</source>
        <translation>Quitter dès que la discussion est utilisable (pour mesurer).</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="49"/>
        <source>Load the notification sound plugin, print its file and exit.</source>
        <translation>Charger le module de son des notifications, afficher son fichier et quitter.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="51"/>
        <source>A kith:// invite link to open.</source>
        <translation>Un lien d’invitation kith:// à ouvrir.</translation>
    </message>
</context>
</TS>
