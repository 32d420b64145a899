#pragma once
//! The window: the welcome screen, or the workspace (rail, channels, chat, members), plus the
//! keyboard shortcuts and the small dialogs that act on the current guild.

#include "ServerRail.h"
#include "net/Connection.h"
#include "shared/Types.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>
#include <functional>

class QHBoxLayout;
class QLabel;
class QListView;
class QMenu;
class QModelIndex;
class QSettings;
class QStackedWidget;

namespace kith::app {

class ChannelSidebar;
class LanBrowser;
class ChatPane;
class FriendsView;
class ClientState;
class Connection;
class ConnectionLogDialog;
class FrameLog;
class SearchPanel;
class ServerRail;
class Theme;
class WelcomeScreen;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ClientState *state, Connection *connection, const Theme *theme, QWidget *parent = nullptr);

    void showWelcome();
    void showWorkspace();
    void showStarting(const QString &text);
    bool isWorkspaceShown() const;

    //! The welcome screen, built on first use: a start straight into a server never needs it.
    WelcomeScreen *welcome();
    bool isWelcomeShown() const;
    ChatPane *chat() const { return m_chat; }
    //! Home's friends view, made on first use.
    FriendsView *friends();
    //! The member context menu for a row (the caller owns it); null when it would be empty.
    QMenu *makeMemberMenu(const QModelIndex &index);
    //! The group DM dialog, with `with` ticked (and listed, if not a friend) when given.
    void openGroupDmDialog(const User &with = {});
    //! Create a channel (`channelId` 0) in the open guild, or edit one.
    void openChannelDialog(Id channelId);
    //! A channel's settings: Overview (manage_channels) and Permissions (manage_roles).
    void openChannelSettings(Id channelId);
    //! Explore servers: the host's directory of discoverable guilds.
    void openExplore();
    ServerRail *rail() const { return m_rail; }
    ChannelSidebar *sidebar() const { return m_sidebar; }
    QListView *memberList() const { return m_members; }

    //! Shows another host: the workspace is rebuilt over its state, the window stays.
    void setHost(ClientState *state, Connection *connection);
    //! Where this host is reached from elsewhere: invites show kith:// links to it.
    void setInviteServer(const QUrl &server, const QString &fingerprint = {}) { m_inviteServer = server; m_inviteFingerprint = fingerprint; }
    //! "Parties on your network" in the join dialog; a party with `ownFingerprint` is this app's.
    void setLanBrowser(LanBrowser *browser) { m_lanBrowser = browser; }
    void setOwnPartyFingerprint(const QString &fingerprint) { m_ownPartyFingerprint = fingerprint; }
    //! The app's log of frames, for Help → Connection log; null: the log cannot be opened.
    void setFrameLog(FrameLog *log) { m_frameLog = log; }
    //! This device's settings (the emoji picker's recent emoji), for every host's chat pane.
    void setSettings(QSettings *settings);
    bool isConnectionLogShown() const;
    //! Every host the app is on, for the rail.
    void setHosts(const QList<RailHost> &hosts, const QString &currentId);
    //! The dialog that joins a host the app is not on yet.
    void openJoinHostDialog(const QUrl &server, const QString &code, const QString &fingerprint,
                            bool guestFirst = false, bool passwordNeeded = false, const QString &label = {});

    void openQuickSwitcher();
    //! Searches `text` (as typed in the header's box) and shows the results beside the chat,
    //! in the member list's place; a narrow window shows them over the chat.
    void openSearch(const QString &text);
    void closeSearch();
    //! The results panel, once a search was made; nullptr before.
    SearchPanel *searchPanel() const { return m_search; }
    bool isSearchShown() const;
    void openGuildDialog(bool join = false, const QString &code = {});
    //! My profile (name, avatar), or with a guild id that guild's icon; made now, gone when closed.
    void openProfileDialog(kith::Id guildId = 0);
    //! Roles, members and bans of the open guild; made now, gone when closed.
    void openServerSettings();
    //! Asks a yes/no question without blocking; runs `yes` on Yes.
    void confirm(const QString &title, const QString &text, std::function<void()> yes);

    //! Whether the member list and the channel list sit beside the chat (wide window) or
    //! open over it from the header's buttons (narrow).
    bool membersDocked() const { return m_membersDocked; }
    bool channelsDocked() const { return m_channelsDocked; }
    //! Width below which the member list leaves the row, and the channel list too.
    static constexpr int kMembersDockWidth = 1000;
    static constexpr int kChannelsDockWidth = 700;
    //! Opens or closes a panel over the chat in a narrow window.
    void showMembersOverlay(bool show);
    void showChannelsOverlay(bool show);

public slots:
    //! Help → Connection log (Ctrl+Shift+L): opens the log, or brings it to the front.
    void showConnectionLog();

signals:
    void settingsRequested();
    void hostPartyRequested();
    // The welcome screen's requests, forwarded so they can be connected before it exists.
    void startLocalRequested(const QString &displayName);
    void connectRequested(const QUrl &url, const QString &username, const QString &password, bool createAccount);
    void hostGuildRequested(const QString &hostId, kith::Id guildId);
    void leaveHostRequested(const QString &hostId);
    //! A link in the chat's notice ("Reconnect now").
    void noticeLinkActivated(const QString &link);
    //! An invite link to another host was pasted where a code was asked for.
    void linkRequested(const QString &link);
    void joinHostRequested(const QUrl &url, const kith::app::Credentials &credentials, const QString &code,
                           const QString &label, const QString &fingerprint);
    //! The message view painted, whichever host's chat the window shows (setHost makes a new one).
    void chatPainted();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void syncCenter();
    void syncTitle();
    void retranslate();
    void applyWidth();
    void placeOverlays();
    void buildWorkspace();
    void placeSearch();
    bool searchDocked() const; //!< in the row (wide window) rather than over the chat
    void showSearchResult(Id guildId, Id channelId, Id messageId);

    ClientState *m_state;
    Connection *m_connection;
    const Theme *m_theme;
    QStackedWidget *m_stack;
    WelcomeScreen *m_welcome = nullptr;
    QWidget *m_workspace = nullptr;
    QLabel *m_starting;
    ServerRail *m_rail = nullptr;
    ChannelSidebar *m_sidebar = nullptr;
    ChatPane *m_chat = nullptr;
    FriendsView *m_friends = nullptr;
    QStackedWidget *m_center = nullptr;
    QHBoxLayout *m_row = nullptr;
    QListView *m_members = nullptr;
    SearchPanel *m_search = nullptr;
    bool m_searchOpen = false;
    Id m_searchGuild = 0;        //!< where the shown results come from
    QList<RailHost> m_hosts;
    QUrl m_inviteServer;
    QString m_inviteFingerprint;
    LanBrowser *m_lanBrowser = nullptr;
    QString m_ownPartyFingerprint;
    bool m_membersDocked = true;
    bool m_channelsDocked = true;
    bool m_membersOpen = false;   //!< the overlay, in a narrow window
    bool m_channelsOpen = false;
    QString m_currentHostId;
    FrameLog *m_frameLog = nullptr;
    QSettings *m_settings = nullptr;
    QPointer<ConnectionLogDialog> m_connectionLog;
};

} // namespace kith::app
