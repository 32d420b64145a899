#include "ChannelSidebar.h"

#include "ChannelDelegate.h"
#include "Icons.h"
#include "LaidOutView.h"
#include "Theme.h"
#include "UserFooter.h"
#include "state/ClientState.h"

#include <QEvent>
#include <QLabel>
#include <QListView>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace kith::app {

namespace {
constexpr qsizetype kGroupDmMax = 10; // people in a group DM, me included (the host's limit)
} // namespace

ChannelSidebar::ChannelSidebar(ClientState *state, Connection *connection, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_state(state), m_title(new QToolButton(this)), m_list(new LaidOutView<QListView>(this)),
      m_footer(new UserFooter(connection, state, theme, this))
{
    setObjectName(QStringLiteral("ChannelSidebar"));
    setAttribute(Qt::WA_StyledBackground);
    setFixedWidth(240);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("SidebarHeader"));
    header->setAttribute(Qt::WA_StyledBackground);
    header->setFixedHeight(kHeaderHeight);
    auto *hl = new QHBoxLayout(header);
    hl->setContentsMargins(8, 0, 8, 0);
    m_title->setObjectName(QStringLiteral("GuildTitle"));
    m_title->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_title->setLayoutDirection(Qt::RightToLeft); // chevron after the name
    m_theme = theme;
    followTheme(theme, m_title, [this] { syncTitleLook(); });
    m_title->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_title, &QToolButton::clicked, this, &ChannelSidebar::showGuildMenu);
    hl->addWidget(m_title, 1);
    layout->addWidget(header);

    m_friends = new QToolButton(this);
    m_friends->setObjectName(QStringLiteral("FriendsEntry"));
    m_friends->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    followTheme(theme, m_friends, [this, theme] {
        m_friends->setIcon(icons::make(icons::Kind::People, theme->color(QStringLiteral("textMuted")), 20));
    });
    m_friends->setIconSize({20, 20});
    m_friends->setCheckable(true);
    m_friends->setAutoRaise(true);
    m_friends->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_friends->setFixedHeight(40);
    m_friends->hide();
    connect(m_friends, &QToolButton::clicked, this, [this] { m_state->selectChannel(0); });
    layout->addWidget(m_friends);

    auto *sectionRow = new QHBoxLayout;
    sectionRow->setContentsMargins(0, 0, 8, 0);
    m_section = new QLabel(this);
    m_section->setProperty("section", true);
    m_section->setContentsMargins(16, 16, 8, 4);
    sectionRow->addWidget(m_section, 1);
    // At Home: start a group DM.
    m_newGroup = new QToolButton(this);
    m_newGroup->setObjectName(QStringLiteral("NewGroupDm"));
    followTheme(theme, m_newGroup, [this, theme] {
        m_newGroup->setIcon(icons::make(icons::Kind::Plus, theme->color(QStringLiteral("textMuted")), 14));
    });
    m_newGroup->setIconSize({14, 14});
    m_newGroup->setAutoRaise(true);
    m_newGroup->hide();
    connect(m_newGroup, &QToolButton::clicked, this, &ChannelSidebar::newGroupDmRequested);
    sectionRow->addWidget(m_newGroup, 0, Qt::AlignBottom);
    layout->addLayout(sectionRow);

    m_list->setObjectName(QStringLiteral("ChannelList"));
    m_list->setModel(state->channels());
    m_list->setItemDelegate(new ChannelDelegate(theme, m_list));
    m_list->setMouseTracking(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setFocusPolicy(Qt::TabFocus); // reached by Tab; a click leaves focus in the composer
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_footer);

    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &i) {
        m_state->selectChannel(i.data(ChannelListModel::IdRole).toULongLong());
    });
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &i) { // Enter
        m_state->selectChannel(i.data(ChannelListModel::IdRole).toULongLong());
    });
    connect(m_list, &QListView::customContextMenuRequested, this, &ChannelSidebar::showChannelMenu);
    connect(m_footer, &UserFooter::settingsRequested, this, &ChannelSidebar::settingsRequested);
    connect(m_footer, &UserFooter::profileRequested, this, &ChannelSidebar::profileRequested);
    connect(m_footer, &UserFooter::connectionLogRequested, this, &ChannelSidebar::connectionLogRequested);
    connect(state, &ClientState::currentGuildChanged, this, &ChannelSidebar::syncGuild);
    connect(state, &ClientState::stateLoaded, this, &ChannelSidebar::syncGuild);
    connect(state, &ClientState::currentChannelChanged, this, &ChannelSidebar::syncSelection);
    connect(state->channels(), &QAbstractItemModel::modelReset, this, &ChannelSidebar::syncSelection);
    connect(state->channels(), &QAbstractItemModel::rowsInserted, this, &ChannelSidebar::syncSelection);
    connect(state, &ClientState::currentChannelChanged, this, &ChannelSidebar::syncFriendsEntry);
    connect(state, &ClientState::relationshipsChanged, this, &ChannelSidebar::syncFriendsEntry);
    // The highlight is the open channel, whatever a click on empty space or a right-click did
    // to the view's own selection.
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ChannelSidebar::syncSelection,
            Qt::QueuedConnection);
    retranslate();
    syncSelection();
}

void ChannelSidebar::retranslate()
{
    m_newGroup->setToolTip(tr("New group message"));
    m_newGroup->setAccessibleName(tr("New group message"));
    m_list->setAccessibleName(tr("Channels"));
    syncGuild(); // the title, the section and the friends entry
}

void ChannelSidebar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ChannelSidebar::syncGuild()
{
    const Guild g = m_state->guild(m_state->currentGuild());
    // Home: the title opens the friends view, the list holds the DMs.
    const bool home = m_state->isHome();
    // Home's title is a search box, as chat apps have it: it opens the quick switcher.
    m_title->setText(g.id ? g.name : home ? tr("Find or start a conversation") : tr("No server yet"));
    m_title->setEnabled(g.id != 0 || home);
    syncTitleLook();
    m_section->setText(home ? tr("DIRECT MESSAGES") : tr("TEXT CHANNELS"));
    m_newGroup->setVisible(home);
    syncFriendsEntry();
}

void ChannelSidebar::syncTitleLook()
{
    const bool find = !m_state->currentGuild() && m_state->isHome();
    // Home: a search field's look, a magnifier at its end; a guild: its name and the menu's chevron.
    m_title->setIcon(icons::make(find ? icons::Kind::Search : icons::Kind::ChevronDown,
                                 m_theme->color(find ? QStringLiteral("textFaint") : QStringLiteral("textMuted")), find ? 14 : 16));
    m_title->setFixedHeight(find ? 30 : kHeaderHeight);
    m_title->setProperty("find", find); // KithStyle: a search field's look, or the guild's name
    m_title->style()->polish(m_title);
    m_title->update();
    m_title->setToolTip(find ? tr("Find a conversation, a friend or a channel (Ctrl+K)") : QString());
}

void ChannelSidebar::syncFriendsEntry()
{
    const bool home = m_state->isHome();
    m_friends->setVisible(home);
    m_friends->setChecked(home && m_state->currentChannel() == 0);
    const int n = m_state->incomingRequests();
    m_friends->setText(n ? tr("Friends  ·  %n waiting", nullptr, n) : tr("Friends"));
    m_friends->setAccessibleName(m_friends->text());
}

void ChannelSidebar::syncSelection()
{
    const int row = m_state->channels()->rowOf(m_state->currentChannel());
    const QModelIndex want = row >= 0 ? m_state->channels()->index(row) : QModelIndex();
    if (m_list->selectionModel()->selectedIndexes() == QModelIndexList{want} || (!want.isValid() && !m_list->selectionModel()->hasSelection()))
        return;
    if (want.isValid())
        m_list->setCurrentIndex(want);
    else
        m_list->clearSelection();
}

void ChannelSidebar::showGuildMenu()
{
    const Id gid = m_state->currentGuild();
    if (!gid) {
        if (m_state->isHome())
            emit findRequested();
        return;
    }
    QMenu menu(this);
    const bool manage = m_state->canManage(gid);
    const Permissions mine = m_state->admin()->myPermissions(gid);
    if (manage)
        menu.addAction(tr("Invite people"), this, &ChannelSidebar::inviteRequested);
    if (mine.has(Permission::ManageChannels))
        menu.addAction(tr("Create channel"), this, &ChannelSidebar::createChannelRequested);
    if (manage) {
        menu.addAction(tr("Rename server"), this, &ChannelSidebar::renameGuildRequested);
        menu.addAction(tr("Change server icon…"), this, &ChannelSidebar::guildIconRequested);
    }
    if (mine.has(Permission::ManageRoles) || mine.has(Permission::KickMembers) || mine.has(Permission::BanMembers)
        || mine.has(Permission::ModerateMembers))
        menu.addAction(tr("Server settings"), this, &ChannelSidebar::serverSettingsRequested);
    menu.addAction(tr("Copy server ID"), this, [gid] {
        QGuiApplication::clipboard()->setText(QString::number(gid));
    });
    menu.addSeparator();
    if (m_state->myRole(gid) != Role::Owner)
        menu.addAction(tr("Leave server"), this, &ChannelSidebar::leaveRequested);
    else
        menu.addAction(tr("Delete server"), this, &ChannelSidebar::deleteGuildRequested);
    menu.exec(m_title->mapToGlobal(QPoint(0, m_title->height())));
}

QMenu *ChannelSidebar::makeDmMenu(const QModelIndex &index)
{
    if (!m_state->isHome())
        return nullptr;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("DmMenu"));
    const Id cid = index.isValid() ? index.data(ChannelListModel::IdRole).toULongLong() : 0;
    const Channel c = m_state->channel(cid);
    if (c.type == ChannelType::GroupDm) {
        QMenu *add = menu->addMenu(tr("Add member"));
        add->setObjectName(QStringLiteral("AddMember"));
        const QList<User> outside = m_state->friendsOutside(cid);
        for (const User &u : outside) {
            QAction *a = add->addAction(u.displayName.isEmpty() ? u.username : u.displayName, this,
                                        [this, cid, uid = u.id] { m_state->addToGroupDm(cid, uid); });
            a->setData(QVariant::fromValue<quint64>(u.id));
        }
        add->setEnabled(!outside.isEmpty() && c.recipients.size() < kGroupDmMax);
        if (c.ownerId == m_state->me().id) {
            QMenu *remove = menu->addMenu(tr("Remove member"));
            remove->setObjectName(QStringLiteral("RemoveMember"));
            for (const User &u : c.recipients) {
                if (u.id == m_state->me().id)
                    continue;
                QAction *a = remove->addAction(u.displayName.isEmpty() ? u.username : u.displayName, this,
                                               [this, cid, uid = u.id] { m_state->removeFromGroupDm(cid, uid); });
                a->setData(QVariant::fromValue<quint64>(u.id));
            }
            remove->setEnabled(!remove->isEmpty());
        }
        menu->addSeparator();
        QAction *leave = menu->addAction(tr("Leave group"), this, [this, cid] { emit leaveGroupDmRequested(cid); });
        leave->setObjectName(QStringLiteral("LeaveGroup"));
        menu->addSeparator();
    }
    if (cid && m_state->readState(cid).unread > 0)
        menu->addAction(tr("Mark as read"), this, [this, cid] { m_state->markChannelRead(cid); })
            ->setObjectName(QStringLiteral("MarkRead"));
    if (cid) {
        const bool muted = m_state->isChannelMuted(cid);
        QAction *mute = menu->addAction(muted ? tr("Unmute conversation") : tr("Mute conversation"), this,
                                        [this, cid, muted] { m_state->setChannelMuted(cid, !muted); });
        mute->setObjectName(QStringLiteral("MuteChannel"));
    }
    QAction *group = menu->addAction(tr("New group message…"), this, &ChannelSidebar::newGroupDmRequested);
    group->setObjectName(QStringLiteral("NewGroup"));
    return menu;
}

void ChannelSidebar::showChannelMenu(const QPoint &pos)
{
    const QModelIndex i = m_list->indexAt(pos);
    if (m_state->isHome()) {
        std::unique_ptr<QMenu> menu(makeDmMenu(i));
        if (menu)
            menu->exec(m_list->viewport()->mapToGlobal(pos));
        return;
    }
    std::unique_ptr<QMenu> menu(makeChannelMenu(i));
    if (menu)
        menu->exec(m_list->viewport()->mapToGlobal(pos));
}

QMenu *ChannelSidebar::makeChannelMenu(const QModelIndex &i)
{
    if (!i.isValid() || !m_state->currentGuild())
        return nullptr;
    const Id cid = i.data(ChannelListModel::IdRole).toULongLong();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("ChannelMenu"));
    if (m_state->readState(cid).unread > 0)
        menu->addAction(tr("Mark as read"), this, [this, cid] { m_state->markChannelRead(cid); })
            ->setObjectName(QStringLiteral("MarkRead"));
    const bool muted = m_state->isChannelMuted(cid);
    QAction *mute = menu->addAction(muted ? tr("Unmute channel") : tr("Mute channel"), this,
                                    [this, cid, muted] { m_state->setChannelMuted(cid, !muted); });
    mute->setObjectName(QStringLiteral("MuteChannel"));
    const Permissions mine = m_state->admin()->myPermissions(m_state->currentGuild());
    const bool channels = mine.has(Permission::ManageChannels);
    if (channels || mine.has(Permission::ManageRoles)) {
        menu->addSeparator();
        const bool category = i.data(ChannelListModel::IsCategoryRole).toBool();
        menu->addAction(category ? tr("Edit category") : tr("Edit channel"), this,
                        [this, cid] { emit editChannelRequested(cid); })
            ->setObjectName(QStringLiteral("EditChannel"));
    }
    if (channels) {
        menu->addAction(tr("Delete channel"), this, [this, cid] { emit deleteChannelRequested(cid); });
        menu->addSeparator();
        menu->addAction(tr("Create channel"), this, &ChannelSidebar::createChannelRequested);
    }
    return menu;
}

} // namespace kith::app
