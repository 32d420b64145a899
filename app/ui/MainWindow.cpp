#include "MainWindow.h"

#include "ChannelDialog.h"
#include "ChannelSidebar.h"
#include "ChatPane.h"
#include "Composer.h"
#include "FriendsView.h"
#include "GroupDmDialog.h"
#include "GuildDialog.h"
#include "LaidOutView.h"
#include "ProfileDialog.h"
#include "InviteDialog.h"
#include "MemberDelegate.h"
#include "MessageView.h"
#include "QuickSwitcher.h"
#include "SearchField.h"
#include "SearchPanel.h"
#include "ServerRail.h"
#include "Theme.h"
#include "WelcomeScreen.h"
#include "net/Connection.h"
#include "state/ClientState.h"
#include "shared/InviteLink.h"
#include "shared/Protocol.h"

#include <QEvent>
#include <QKeyEvent>
#include <QToolButton>
#include <QApplication>

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QInputDialog>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QShortcut>
#include <QStackedWidget>

namespace kith::app {

MainWindow::MainWindow(ClientState *state, Connection *connection, const Theme *theme, QWidget *parent)
    : QMainWindow(parent), m_state(state), m_connection(connection), m_theme(theme),
      m_stack(new QStackedWidget(this)), m_starting(new QLabel(m_stack))
{
    setMinimumSize(520, 400); // narrow windows fold the side panels away (applyWidth)
    Theme::keepUndressed(this);
    resize(1280, 800);
    m_starting->setAlignment(Qt::AlignCenter);
    m_starting->setProperty("subtitle", true);
    m_stack->addWidget(m_starting);
    buildWorkspace();
    setCentralWidget(m_stack);

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    qApp->installEventFilter(this); // closes an open side panel on a click elsewhere or Escape
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_K), [this] { openQuickSwitcher(); });
    shortcut(QKeySequence::Find, [this] {
        if (!isWorkspaceShown() || !m_chat->isVisible())
            return;
        m_chat->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_chat->searchField()->selectAll();
    });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { if (isWorkspaceShown()) m_state->stepChannel(-1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { if (isWorkspaceShown()) m_state->stepChannel(1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { emit settingsRequested(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] { showConnectionLog(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Q), [] { QApplication::quit(); });
}

void MainWindow::buildWorkspace()
{
    m_friends = nullptr; // a previous host's went with its workspace
    m_search = nullptr;
    m_searchOpen = false;
    // Each widget is made in its final parent: moving a built tree under a new parent makes Qt
    // resolve the style sheet again for every widget in it.
    m_workspace = new QWidget(m_stack);
    auto *row = m_row = new QHBoxLayout(m_workspace);
    m_membersDocked = m_channelsDocked = true; // new widgets start in the row
    m_membersOpen = m_channelsOpen = false;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    m_rail = new ServerRail(m_state, m_theme, m_workspace);
    m_sidebar = new ChannelSidebar(m_state, m_connection, m_theme, m_workspace);
    m_center = new QStackedWidget(m_workspace);
    m_chat = new ChatPane(m_state, m_theme, m_center);
    m_chat->setSettings(m_settings);
    m_center->addWidget(m_chat); // the friends view is made when Home first shows it
    m_members = new LaidOutView<QListView>(m_workspace);
    m_members->setObjectName(QStringLiteral("MemberList"));
    m_members->setModel(m_state->members());
    m_members->setItemDelegate(new MemberDelegate(m_theme, m_members));
    m_members->setFixedWidth(232);
    m_members->setMouseTracking(true);
    m_members->setFocusPolicy(Qt::TabFocus);
    m_members->setSelectionMode(QAbstractItemView::NoSelection);
    m_members->setFrameShape(QFrame::NoFrame);
    m_members->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    row->addWidget(m_rail);
    row->addWidget(m_sidebar);
    row->addWidget(m_center, 1);
    row->addWidget(m_members);
    m_stack->addWidget(m_workspace);

    connect(m_chat, &ChatPane::noticeLinkActivated, this, &MainWindow::noticeLinkActivated);
    connect(m_chat->view(), &MessageView::painted, this, &MainWindow::chatPainted);
    connect(m_chat, &ChatPane::membersToggled, this, [this] { showMembersOverlay(!m_membersOpen); });
    connect(m_chat, &ChatPane::channelsToggled, this, [this] { showChannelsOverlay(!m_channelsOpen); });
    connect(m_state, &ClientState::currentChannelChanged, this, [this] { showChannelsOverlay(false); });
    connect(m_rail, &ServerRail::addRequested, this, [this] { openGuildDialog(); });
    connect(m_rail, &ServerRail::exploreRequested, this, &MainWindow::openExplore);
    connect(m_rail, &ServerRail::partyRequested, this, &MainWindow::hostPartyRequested);
    connect(m_rail, &ServerRail::hostGuildRequested, this, &MainWindow::hostGuildRequested);
    connect(m_rail, &ServerRail::leaveHostRequested, this, [this](const QString &id) {
        QString name = id;
        for (const RailHost &h : std::as_const(m_hosts))
            if (h.id == id)
                name = h.name;
        confirm(tr("Leave %1").arg(name),
                tr("Sign out of %1 and remove it from this app? Your other servers stay.").arg(name),
                [this, id] { emit leaveHostRequested(id); });
    });
    if (!m_hosts.isEmpty())
        m_rail->setHosts(m_hosts, m_currentHostId);
    connect(m_sidebar, &ChannelSidebar::settingsRequested, this, &MainWindow::settingsRequested);
    connect(m_sidebar, &ChannelSidebar::profileRequested, this, [this] { openProfileDialog(); });
    connect(m_sidebar, &ChannelSidebar::guildIconRequested, this, [this] { openProfileDialog(m_state->currentGuild()); });
    connect(m_sidebar, &ChannelSidebar::serverSettingsRequested, this, [this] { openServerSettings(); });
    connect(m_sidebar, &ChannelSidebar::findRequested, this, &MainWindow::openQuickSwitcher);
    connect(m_sidebar, &ChannelSidebar::connectionLogRequested, this, &MainWindow::showConnectionLog);
    connect(m_sidebar, &ChannelSidebar::inviteRequested, this,
            [this] { m_state->createInvite(m_state->currentGuild()); });
    connect(m_state, &ClientState::inviteCreated, this, [this](const QString &code, Id guildId) {
        QString link;
        if (m_inviteServer.isValid() && m_inviteServer.port() > 0)
            link = InviteLink{m_inviteServer, code, m_inviteFingerprint}.toString();
        auto *dialog = new InviteDialog(m_state->guild(guildId).name, code, link, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_sidebar, &ChannelSidebar::createChannelRequested, this, [this] { openChannelDialog(0); });
    connect(m_sidebar, &ChannelSidebar::editChannelRequested, this, &MainWindow::openChannelDialog);
    connect(m_sidebar, &ChannelSidebar::deleteChannelRequested, this, [this](Id id) {
        const Channel c = m_state->channel(id);
        confirm(tr("Delete channel"), tr("Delete #%1 and all its messages?").arg(c.name),
                [this, id] { m_state->deleteChannel(id); });
    });
    connect(m_sidebar, &ChannelSidebar::leaveRequested, this, [this] {
        const Guild g = m_state->guild(m_state->currentGuild());
        confirm(tr("Leave server"), tr("Leave %1?").arg(g.name), [this, id = g.id] { m_state->leaveGuild(id); });
    });
    connect(m_sidebar, &ChannelSidebar::renameGuildRequested, this, [this] {
        const Guild g = m_state->guild(m_state->currentGuild());
        auto *input = new QInputDialog(this);
        input->setAttribute(Qt::WA_DeleteOnClose);
        input->setWindowTitle(tr("Rename server"));
        input->setLabelText(tr("Server name"));
        input->setTextValue(g.name);
        connect(input, &QInputDialog::textValueSelected, this, [this, id = g.id](const QString &name) {
            if (!name.trimmed().isEmpty())
                m_state->renameGuild(id, name.simplified());
        });
        input->open();
    });
    connect(m_sidebar, &ChannelSidebar::deleteGuildRequested, this, [this] {
        const Guild g = m_state->guild(m_state->currentGuild());
        confirm(tr("Delete server"), tr("Delete %1 with all its channels and messages, for everyone?").arg(g.name),
                [this, id = g.id] { m_state->deleteGuild(id); });
    });
    connect(m_sidebar, &ChannelSidebar::newGroupDmRequested, this, [this] { openGroupDmDialog(); });
    connect(m_sidebar, &ChannelSidebar::leaveGroupDmRequested, this, [this](Id id) {
        confirm(tr("Leave group"), tr("Leave %1? You can come back only if someone adds you.").arg(m_state->channel(id).name),
                [this, id] { m_state->leaveGroupDm(id); });
    });
    m_members->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_members, &QListView::customContextMenuRequested, this, [this](const QPoint &pos) {
        std::unique_ptr<QMenu> menu(makeMemberMenu(m_members->indexAt(pos)));
        if (menu)
            menu->exec(m_members->viewport()->mapToGlobal(pos));
    });
    connect(m_state, &ClientState::currentChannelChanged, this, [this] {
        syncTitle();
        syncCenter();
    });
    connect(m_state, &ClientState::currentGuildChanged, this, [this](Id id) {
        if (m_searchOpen && id != m_searchGuild)
            closeSearch(); // its results belong to the guild left
        syncCenter();
    });
    connect(m_chat->searchField(), &SearchField::searchRequested, this, &MainWindow::openSearch);
    connect(m_chat->searchField(), &SearchField::cleared, this, &MainWindow::closeSearch);
    retranslate();
    applyWidth();
}

void MainWindow::syncTitle()
{
    const Channel c = m_state->channel(m_state->currentChannel());
    const Guild g = m_state->guild(m_state->currentGuild());
    setWindowTitle(c.isDm() ? tr("@%1 · Kith").arg(c.name)
                   : c.id   ? tr("#%1 · %2 · Kith").arg(c.name, g.name)
                   : m_state->isHome() ? tr("Friends · Kith")
                                       : tr("Kith"));
}

void MainWindow::retranslate()
{
    m_members->setAccessibleName(tr("Members"));
    syncTitle();
}

void MainWindow::applyWidth()
{
    if (!m_workspace)
        return;
    const int w = width();
    const bool members = w >= kMembersDockWidth;
    const bool channels = w >= kChannelsDockWidth;
    if (members != m_membersDocked) {
        m_membersDocked = members;
        m_membersOpen = false;
        if (members)
            m_row->addWidget(m_members);
        else
            m_row->removeWidget(m_members);
    }
    if (channels != m_channelsDocked) {
        m_channelsDocked = channels;
        m_channelsOpen = false;
        if (channels)
            m_row->insertWidget(1, m_sidebar);
        else
            m_row->removeWidget(m_sidebar);
    }
    m_chat->setPanelToggles(!channels, !members);
    placeSearch();
    if (m_friends)
        m_friends->channelsToggle()->setVisible(!channels);
    syncCenter();
}

void MainWindow::placeOverlays()
{
    if (!m_workspace)
        return;
    const int h = m_workspace->height();
    if (!m_membersDocked && m_members->isVisible()) {
        // The chat header stays visible, with the toggle.
        m_members->setGeometry(m_workspace->width() - m_members->width(), kHeaderHeight, m_members->width(),
                               h - kHeaderHeight);
        m_members->raise();
    }
    if (m_search && !searchDocked() && m_search->isVisible()) {
        const int w = qMin(400, m_workspace->width() - m_rail->width());
        m_search->setGeometry(m_workspace->width() - w, kHeaderHeight, w, h - kHeaderHeight);
        m_search->raise();
    }
    if (!m_channelsDocked && m_sidebar->isVisible()) {
        m_sidebar->setGeometry(m_rail->width(), 0, m_sidebar->width(), h);
        m_sidebar->raise();
    }
}

void MainWindow::openSearch(const QString &text)
{
    if (!m_search) {
        m_search = new SearchPanel(m_state, m_connection, m_theme, m_workspace);
        m_theme->dress(m_search);
        m_search->hide();
        connect(m_search, &SearchPanel::closeRequested, this, [this] { m_chat->searchField()->clear(); closeSearch(); });
        connect(m_search, &SearchPanel::messageChosen, this, &MainWindow::showSearchResult);
        placeSearch();
    }
    m_searchGuild = m_state->currentGuild();
    m_membersOpen = false; // the results take the members' place
    m_searchOpen = true;
    m_search->run(text);
    syncCenter();
}

void MainWindow::closeSearch()
{
    if (!m_searchOpen)
        return;
    m_searchOpen = false;
    if (m_search)
        m_search->hide();
    syncCenter();
}

bool MainWindow::searchDocked() const
{
    return m_search && m_row->indexOf(m_search) >= 0;
}

bool MainWindow::isSearchShown() const
{
    return m_search && m_search->isVisible();
}

void MainWindow::placeSearch()
{
    // Wide: in the row where the member list is; narrow: over the chat, from the right.
    if (!m_search)
        return;
    const bool docked = width() >= kMembersDockWidth;
    if (docked == searchDocked())
        return;
    if (docked) {
        m_search->setFixedWidth(380);
        m_row->addWidget(m_search);
    } else {
        m_row->removeWidget(m_search);
        m_search->setMinimumWidth(0);
        m_search->setMaximumWidth(QWIDGETSIZE_MAX);
    }
}

void MainWindow::showSearchResult(Id guildId, Id channelId, Id messageId)
{
    if (guildId != m_state->currentGuild())
        m_state->selectGuild(guildId); // 0: Home, where DMs are
    m_searchGuild = m_state->currentGuild();
    if (channelId != m_state->currentChannel())
        m_state->selectChannel(channelId);
    if (!searchDocked())
        closeSearch(); // over the chat it would hide the message
    m_chat->view()->jumpTo(messageId);
}

void MainWindow::showMembersOverlay(bool show)
{
    m_membersOpen = show && !m_membersDocked;
    if (m_membersOpen) {
        m_channelsOpen = false; // one panel over the chat at a time
        closeSearch();
    }
    syncCenter();
}

void MainWindow::showChannelsOverlay(bool show)
{
    m_channelsOpen = show && !m_channelsDocked;
    if (m_channelsOpen)
        m_membersOpen = false;
    syncCenter();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    applyWidth();
    placeOverlays();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // An open panel closes on a click elsewhere or Escape, as menus do.
    if (m_membersOpen || m_channelsOpen) {
        auto *w = qobject_cast<QWidget *>(watched);
        const bool inside = w && ((m_membersOpen && (m_members->isAncestorOf(w) || w == m_members))
                                  || (m_channelsOpen && (m_sidebar->isAncestorOf(w) || w == m_sidebar))
                                  || w == m_chat->membersToggle() || w == m_chat->channelsToggle()
                                  || (m_friends && w == m_friends->channelsToggle()));
        const bool press = event->type() == QEvent::MouseButtonPress && w && w->window() == this && !inside;
        const bool escape = event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape
            && w && w->window() == this;
        if (press || escape) {
            showMembersOverlay(false);
            showChannelsOverlay(false);
            if (escape)
                return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

QMenu *MainWindow::makeMemberMenu(const QModelIndex &i)
{
    const Id gid = m_state->currentGuild();
    const Id uid = i.data(MemberListModel::UserIdRole).toULongLong();
    if (!i.isValid() || uid == m_state->me().id)
        return nullptr;
    const auto role = Role(i.data(MemberListModel::RoleRole).toInt());
    const QString name = i.data().toString();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("MemberMenu"));
    const QString relation = m_state->relationship(uid);
    if (relation != u"blocked") {
        menu->addAction(tr("Message"), this, [this, uid] { m_state->openDm(uid); });
        const User user{uid, i.data(MemberListModel::UsernameRole).toString(), name};
        menu->addAction(tr("Start a group message…"), this, [this, user] { openGroupDmDialog(user); })
            ->setObjectName(QStringLiteral("GroupDmAction"));
    }
    if (relation.isEmpty()) {
        const QString username = i.data(MemberListModel::UsernameRole).toString();
        menu->addAction(tr("Add friend"), this, [this, username] { m_state->requestFriend(username); });
    } else if (relation == u"incoming") {
        menu->addAction(tr("Accept friend request"), this, [this, uid] { m_state->relate(op::FriendAccept, uid); });
    }
    const Role mine = gid ? m_state->myRole(gid) : Role::Member;
    // Owners remove anyone; admins remove members and guests (the host says the same).
    if (gid && (mine == Role::Owner || (mine == Role::Admin && role < Role::Admin))) {
        menu->addSeparator();
        menu->addAction(role == Role::Guest ? tr("Kick %1 from the party").arg(name) : tr("Kick %1").arg(name), this,
                        [this, gid, uid, name, role] {
                            confirm(tr("Kick %1").arg(name),
                                    role == Role::Guest ? tr("Remove %1 from the party? They cannot come back while it lasts.").arg(name)
                                                        : tr("Remove %1 from this server? They can come back with a new invite.").arg(name),
                                    [this, gid, uid] { m_state->kickMember(gid, uid); });
                        })
            ->setObjectName(QStringLiteral("KickMember"));
    }
    if (gid && mine == Role::Owner) {
        menu->addSeparator();
        if (role != Role::Admin)
            menu->addAction(tr("Make admin"), this, [this, gid, uid] { m_state->setRole(gid, uid, Role::Admin); });
        if (role != Role::Member)
            menu->addAction(tr("Make member"), this, [this, gid, uid] { m_state->setRole(gid, uid, Role::Member); });
        menu->addSeparator();
        menu->addAction(tr("Transfer ownership…"), this, [this, gid, uid, name] {
            confirm(tr("Transfer ownership"), tr("Make %1 the owner? You become an admin.").arg(name),
                    [this, gid, uid] { m_state->setRole(gid, uid, Role::Owner); });
        });
    }
    return menu;
}

FriendsView *MainWindow::friends()
{
    if (m_friends)
        return m_friends;
    // Made on first use: a window that opens on a channel never pays for it.
    m_friends = new FriendsView(m_state, m_theme, m_workspace);
    m_theme->dress(m_friends);
    m_center->addWidget(m_friends);
    m_friends->channelsToggle()->setVisible(!m_channelsDocked);
    m_friends->channelsToggle()->setChecked(m_channelsOpen);
    connect(m_friends, &FriendsView::channelsToggled, this, [this] { showChannelsOverlay(!m_channelsOpen); });
    connect(m_friends, &FriendsView::groupDmRequested, this, &MainWindow::openGroupDmDialog);
    connect(m_friends, &FriendsView::createGuildRequested, this, [this] { openGuildDialog(false); });
    connect(m_friends, &FriendsView::joinGuildRequested, this, [this] { openGuildDialog(true); });
    return m_friends;
}

void MainWindow::syncCenter()
{
    // Home without an open DM is the friends view; it needs no member list.
    const bool friends = m_state->isHome() && m_state->currentChannel() == 0;
    m_center->setCurrentWidget(friends ? static_cast<QWidget *>(this->friends()) : m_chat);
    m_members->setVisible(!friends && !m_searchOpen && (m_membersDocked || m_membersOpen));
    if (m_search)
        m_search->setVisible(!friends && m_searchOpen);
    m_sidebar->setVisible(m_channelsDocked || m_channelsOpen);
    m_chat->membersToggle()->setChecked(m_membersOpen);
    m_chat->channelsToggle()->setChecked(m_channelsOpen);
    if (m_friends)
        m_friends->channelsToggle()->setChecked(m_channelsOpen);
    placeOverlays();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange)
        m_state->setViewing(isActiveWindow());
    else if (event->type() == QEvent::LanguageChange && m_workspace)
        retranslate(); // the children follow on their own: Qt hands them the event next
}

void MainWindow::confirm(const QString &title, const QString &text, std::function<void()> yes)
{
    // Window-modal and not exec(): no nested event loop under the caller's feet.
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("ConfirmBox"));
    connect(box, &QMessageBox::finished, this, [yes](int result) {
        if (result == QMessageBox::Yes)
            yes();
    });
    box->open();
}

WelcomeScreen *MainWindow::welcome()
{
    if (!m_welcome) {
        m_welcome = new WelcomeScreen(m_theme, this);
        m_theme->dress(m_welcome);
        m_stack->addWidget(m_welcome);
        connect(m_welcome, &WelcomeScreen::startLocalRequested, this, &MainWindow::startLocalRequested);
        connect(m_welcome, &WelcomeScreen::hostPartyRequested, this, [this](const QString &name) {
            emit startLocalRequested(name);
            emit hostPartyRequested();
        });
        connect(m_welcome, &WelcomeScreen::connectRequested, this, &MainWindow::connectRequested);
    }
    return m_welcome;
}

bool MainWindow::isWelcomeShown() const
{
    return m_welcome && m_stack->currentWidget() == m_welcome;
}

void MainWindow::showWelcome()
{
    m_starting->clear(); // said in the language of its moment: not left behind for a later one
    m_stack->setCurrentWidget(welcome());
}

void MainWindow::showWorkspace()
{
    m_starting->clear();
    m_stack->setCurrentWidget(m_workspace);
    m_chat->composer()->setFocus();
}

void MainWindow::showStarting(const QString &text)
{
    m_starting->setText(text);
    m_stack->setCurrentWidget(m_starting);
}

bool MainWindow::isWorkspaceShown() const
{
    return m_stack->currentWidget() == m_workspace;
}

void MainWindow::setHost(ClientState *state, Connection *connection)
{
    if (state == m_state)
        return;
    const bool shown = isWorkspaceShown();
    disconnect(m_state, nullptr, this, nullptr);
    QWidget *old = m_workspace;
    m_stack->removeWidget(old);
    old->deleteLater();
    m_state = state;
    m_connection = connection;
    buildWorkspace();
    if (shown)
        showWorkspace();
    m_state->setViewing(isActiveWindow());
    syncCenter();
}

void MainWindow::setSettings(QSettings *settings)
{
    m_settings = settings;
    m_chat->setSettings(settings);
}

void MainWindow::setHosts(const QList<RailHost> &hosts, const QString &currentId)
{
    m_hosts = hosts;
    m_currentHostId = currentId;
    m_rail->setHosts(hosts, currentId);
}

} // namespace kith::app
