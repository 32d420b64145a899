<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>kith::app::AppController</name>
    <message>
        <location filename="../app/ui/AppController.cpp" line="95"/>
        <source>The local server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="99"/>
        <source>No system keychain found: you will need to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="137"/>
        <location filename="../app/ui/AppController.cpp" line="217"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="141"/>
        <source>Sign in to %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="161"/>
        <source>Starting your local server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="206"/>
        <source>The key of your local account is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="256"/>
        <source>No system keychain found: your local server&apos;s key is kept in %1, readable only by you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="325"/>
        <source>Sign-in failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="334"/>
        <source>%1&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="352"/>
        <source>Could not reach %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="355"/>
        <source>Cannot reach %1. Retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/AppController.cpp" line="359"/>
        <source>Connection lost. Reconnecting… Messages you send now go out when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::ChannelDialog</name>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="15"/>
        <source>Create channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="15"/>
        <source>Edit channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="19"/>
        <source>new-channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="21"/>
        <source>What is it about? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="22"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="23"/>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="26"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelDialog.cpp" line="26"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::ChannelSidebar</name>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="46"/>
        <source>TEXT CHANNELS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="78"/>
        <source>No server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="99"/>
        <source>Invite people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="100"/>
        <location filename="../app/ui/ChannelSidebar.cpp" line="125"/>
        <source>Create channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="103"/>
        <source>Rename server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="104"/>
        <source>Copy server ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="109"/>
        <source>Leave server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="111"/>
        <source>Delete server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="122"/>
        <source>Edit channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChannelSidebar.cpp" line="123"/>
        <source>Delete channel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::ChatPane</name>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="70"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="94"/>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="112"/>
        <source>This message is %1 characters long; the limit is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="121"/>
        <source>Editing message · Enter to save · Escape to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="125"/>
        <source>Delete message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="126"/>
        <source>Delete this message for everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="158"/>
        <source>Message #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="158"/>
        <source>No channel selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="159"/>
        <source>This is the beginning of #%1. Say hello!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ChatPane.cpp" line="195"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::ClientState</name>
    <message>
        <location filename="../app/state/ClientState.cpp" line="173"/>
        <source>Loading messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="342"/>
        <source>Editing the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="348"/>
        <source>Deleting the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="355"/>
        <source>Creating the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="367"/>
        <source>Joining with the invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="377"/>
        <source>Leaving the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="382"/>
        <source>Renaming the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="387"/>
        <source>Deleting the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="394"/>
        <source>Changing the role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="401"/>
        <source>Creating an invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="415"/>
        <source>Creating the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="427"/>
        <source>Changing the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/state/ClientState.cpp" line="432"/>
        <source>Deleting the channel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::Connection</name>
    <message>
        <location filename="../app/net/Connection.cpp" line="284"/>
        <location filename="../app/net/Connection.cpp" line="295"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/Connection.cpp" line="307"/>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::GuildDialog</name>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="18"/>
        <source>Add a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="24"/>
        <source>Your server is where you and your friends hang out. It starts with a #general channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="31"/>
        <source>Server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="34"/>
        <location filename="../app/ui/GuildDialog.cpp" line="52"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="38"/>
        <source>Enter an invite code you were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="41"/>
        <source>Invite code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/GuildDialog.cpp" line="44"/>
        <location filename="../app/ui/GuildDialog.cpp" line="52"/>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::InviteDialog</name>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="16"/>
        <source>Invite people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="19"/>
        <source>Send this code to a friend. They join %1 with &quot;+&quot; → Join.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="28"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/InviteDialog.cpp" line="34"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::MainWindow</name>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="32"/>
        <location filename="../app/ui/MainWindow.cpp" line="140"/>
        <source>Kith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="91"/>
        <source>Delete channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="91"/>
        <source>Delete #%1 and all its messages?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="96"/>
        <source>Leave server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="96"/>
        <source>Leave %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="102"/>
        <source>Rename server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="103"/>
        <source>Server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="113"/>
        <source>Delete server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="113"/>
        <source>Delete %1 with all its channels and messages, for everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="127"/>
        <source>Make admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="129"/>
        <source>Make member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="131"/>
        <source>Transfer ownership…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="132"/>
        <source>Transfer ownership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="132"/>
        <source>Make %1 the owner? You become an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="140"/>
        <source>#%1 · %2 · Kith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="204"/>
        <source>%1&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::MemberDelegate</name>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="20"/>
        <source>OWNER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="22"/>
        <source>ADMINS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MemberDelegate.cpp" line="26"/>
        <source>MEMBERS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::MessageDelegate</name>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="131"/>
        <source>(edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="165"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="167"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="220"/>
        <source>Today at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="223"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageDelegate.cpp" line="259"/>
        <source>Not sent: %1. Right-click to retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::MessageView</name>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="159"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="160"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="164"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="166"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="168"/>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MessageView.cpp" line="170"/>
        <source>Copy message ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::QuickSwitcher</name>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="15"/>
        <source>Quick switcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="19"/>
        <source>Where to? Type part of a channel or server name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="22"/>
        <source>Search channels and servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="75"/>
        <source># %1   —  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/QuickSwitcher.cpp" line="76"/>
        <source>%1  (server)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::ServerRail</name>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="29"/>
        <source>Kith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/ServerRail.cpp" line="57"/>
        <source>Create or join a server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::SettingsDialog</name>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="15"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="19"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="20"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="21"/>
        <location filename="../app/ui/SettingsDialog.cpp" line="25"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="24"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="30"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="31"/>
        <source>A new language applies from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="38"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/SettingsDialog.cpp" line="39"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::UserFooter</name>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="38"/>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="51"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="53"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="55"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="57"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/UserFooter.cpp" line="61"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kith::app::WelcomeScreen</name>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="32"/>
        <source>Welcome to Kith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="35"/>
        <source>Chat with your people, on a server you run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="44"/>
        <location filename="../app/ui/WelcomeScreen.cpp" line="49"/>
        <source>Start a local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="45"/>
        <source>Runs inside this app, on this computer. Nothing to set up: you get your own server with a #general channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="47"/>
        <source>Your name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="57"/>
        <source>Connect to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="58"/>
        <source>Someone runs a Kith server for you? Enter its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="59"/>
        <source>ws://host:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="60"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="62"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="64"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="66"/>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="121"/>
        <source>Enter the server&apos;s address, like ws://example.org:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="126"/>
        <source>Username: 2 to 32 letters, digits, dots or underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/WelcomeScreen.cpp" line="130"/>
        <source>Password: at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="31"/>
        <source>Kith: chat with your people, on a server you run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="35"/>
        <source>Keep all settings and data in &lt;dir&gt; (also: KITH_DATA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="38"/>
        <source>Open straight into the local server, creating it on first use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="40"/>
        <source>Print start-up timings (epoch ms) to stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="42"/>
        <source>Quit as soon as the chat is usable (for measuring).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
