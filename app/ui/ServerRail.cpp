#include "ServerRail.h"

#include "GuildIconDelegate.h"
#include "Icons.h"
#include "LaidOutView.h"
#include "Theme.h"
#include "state/ClientState.h"

#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace kith::app {

namespace {
// Rail text is small and bold, and must fit 72 px: elided, the whole name in the tooltip.
QFont railFont(const QWidget *w)
{
    QFont f = w->font();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    f.setBold(true);
    return f;
}

QString railText(const QWidget *w, const QString &name)
{
    return QFontMetrics(railFont(w)).elidedText(name, Qt::ElideRight, 60);
}

QFrame *separator(QWidget *parent, const Theme *theme)
{
    auto *line = new QFrame(parent);
    line->setFixedSize(32, 2);
    line->setAutoFillBackground(true);
    followTheme(theme, line, [line, theme] {
        QPalette pal = line->palette();
        pal.setColor(QPalette::Window, theme->color(QStringLiteral("separator")));
        line->setPalette(pal);
    });
    return line;
}
} // namespace

ServerRail::ServerRail(ClientState *state, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_state(state), m_list(new LaidOutView<QListView>(this)), m_home(new QToolButton(this)),
      m_add(new QToolButton(this)), m_homeBadge(new QLabel(m_home)), m_currentHeader(new QLabel(this)),
      m_hostBox(new QWidget(this)), m_dmBox(new QWidget(this)), m_theme(theme)
{
    setObjectName(QStringLiteral("ServerRail"));
    setAttribute(Qt::WA_StyledBackground);
    setFixedWidth(72);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 12);
    layout->setSpacing(6);

    followTheme(theme, m_home, [this, theme] {
        m_home->setIcon(icons::make(icons::Kind::Logo, theme->color(QStringLiteral("accent")), 30));
    });
    m_home->setIconSize({30, 30});
    m_home->setFixedSize(48, 48);
    m_home->setObjectName(QStringLiteral("HomeButton"));
    m_home->setCheckable(true);
    connect(m_home, &QToolButton::clicked, this, [this] {
        m_state->selectHome();
        emit homeRequested();
    });
    m_homeBadge->setObjectName(QStringLiteral("HomeBadge"));
    m_homeBadge->setAlignment(Qt::AlignCenter);
    m_homeBadge->hide();
    layout->addWidget(m_home, 0, Qt::AlignHCenter);
    auto *dms = new QVBoxLayout(m_dmBox);
    dms->setContentsMargins(0, 0, 0, 0);
    dms->setSpacing(6);
    m_dmBox->hide();
    layout->addWidget(m_dmBox, 0, Qt::AlignHCenter);

    layout->addWidget(separator(this, theme), 0, Qt::AlignHCenter);

    m_currentHeader->setObjectName(QStringLiteral("RailHostName"));
    m_currentHeader->setAlignment(Qt::AlignCenter);
    m_currentHeader->setProperty("muted", true);
    m_currentHeader->hide();
    layout->addWidget(m_currentHeader, 0, Qt::AlignHCenter);
    m_list->setObjectName(QStringLiteral("GuildList"));
    m_list->setModel(state->guilds());
    m_list->setItemDelegate(new GuildIconDelegate(theme, m_list));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setMouseTracking(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setFocusPolicy(Qt::TabFocus);
    m_list->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Maximum);
    m_list->setFixedWidth(72);
    layout->addWidget(m_list, 1);
    auto *hostLayout = new QVBoxLayout(m_hostBox);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    hostLayout->setSpacing(6);
    m_hostBox->hide();
    m_hostBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); // no gaps between hosts
    layout->addWidget(m_hostBox);

    // The round actions under the guilds: green icons, named in their tooltips.
    auto action = [&](QToolButton *b, icons::Kind kind, const char *name) {
        followTheme(theme, b, [b, kind, theme] { b->setIcon(icons::make(kind, theme->color(QStringLiteral("success")), 22)); });
        b->setIconSize({22, 22});
        b->setFixedSize(46, 46);
        b->setObjectName(QLatin1String(name));
        layout->addWidget(b, 0, Qt::AlignHCenter);
    };
    action(m_add, icons::Kind::Plus, "AddGuild");
    connect(m_add, &QToolButton::clicked, this, &ServerRail::addRequested);
    m_explore = new QToolButton(this);
    action(m_explore, icons::Kind::Compass, "ExploreServers");
    connect(m_explore, &QToolButton::clicked, this, &ServerRail::exploreRequested);
    m_party = new QToolButton(this);
    action(m_party, icons::Kind::Broadcast, "HostParty");
    connect(m_party, &QToolButton::clicked, this, &ServerRail::partyRequested);
    layout->addStretch();
    // Tab goes down the rail as it is drawn: Home, the servers, then the actions under them.
    setTabOrder(m_home, m_list);
    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_explore);
    setTabOrder(m_explore, m_party);

    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &i) {
        m_state->selectGuild(i.data(GuildListModel::IdRole).toULongLong());
    });
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &i) { // Enter
        m_state->selectGuild(i.data(GuildListModel::IdRole).toULongLong());
    });
    connect(state, &ClientState::currentGuildChanged, this, &ServerRail::syncSelection);
    connect(state->guilds(), &QAbstractItemModel::modelReset, this, &ServerRail::syncSelection);
    connect(state->guilds(), &QAbstractItemModel::rowsInserted, this, &ServerRail::syncSelection);
    connect(state->guilds(), &QAbstractItemModel::rowsRemoved, this, &ServerRail::syncSelection);
    connect(state, &ClientState::readStateChanged, this, &ServerRail::syncBadge);
    connect(state, &ClientState::stateLoaded, this, &ServerRail::syncBadge);
    connect(state, &ClientState::dmsChanged, this, &ServerRail::syncBadge);
    connect(state, &ClientState::mutesChanged, this, &ServerRail::syncBadge);
    connect(state, &ClientState::relationshipsChanged, this, &ServerRail::syncBadge);
    // Queued: a burst of changes (ready, a resync) rebuilds the buttons once per event-loop turn.
    m_dmSync = new QTimer(this);
    m_dmSync->setSingleShot(true);
    m_dmSync->setInterval(0);
    connect(m_dmSync, &QTimer::timeout, this, &ServerRail::syncDms);
    auto later = [this] { m_dmSync->start(); };
    connect(state, &ClientState::readStateChanged, this, later);
    connect(state, &ClientState::stateLoaded, this, later);
    connect(state, &ClientState::dmsChanged, this, later);
    connect(state, &ClientState::mutesChanged, this, later);
    connect(state, &ClientState::presenceChanged, this, later);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListView::customContextMenuRequested, this, [this](const QPoint &pos) {
        std::unique_ptr<QMenu> menu(makeGuildMenu(m_list->indexAt(pos)));
        if (menu)
            menu->exec(m_list->viewport()->mapToGlobal(pos));
    });
    syncSelection();
    retranslate();
}

void ServerRail::retranslate()
{
    m_home->setToolTip(tr("Home: friends and direct messages"));
    m_home->setAccessibleName(tr("Home"));
    m_list->setAccessibleName(tr("Servers"));
    m_add->setToolTip(tr("Create or join a server"));
    m_add->setAccessibleName(m_add->toolTip());
    m_explore->setToolTip(tr("Explore servers"));
    m_explore->setAccessibleName(m_explore->toolTip());
    m_party->setToolTip(tr("Host a LAN party"));
    m_party->setAccessibleName(m_party->toolTip());
    // The other hosts' entries and the unread DMs carry texts: made again.
    if (!m_hosts.isEmpty())
        setHosts(m_hosts, m_currentHostId);
    syncDms();
}

void ServerRail::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ServerRail::setHosts(const QList<RailHost> &hosts, const QString &currentId)
{
    m_hosts = hosts;
    m_currentHostId = currentId;
    qDeleteAll(m_hostBox->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    auto *layout = static_cast<QVBoxLayout *>(m_hostBox->layout());
    const bool several = hosts.size() > 1;
    m_currentHeader->setVisible(several);
    m_hostBox->setVisible(several);
    const QFont small = railFont(this);
    m_currentHeader->setFont(small);
    for (const RailHost &h : hosts) {
        if (h.id == currentId) {
            m_currentHeader->setText(railText(this, h.name));
            m_currentHeader->setToolTip(h.name);
            m_currentHeader->setAccessibleName(tr("Host: %1").arg(h.name));
            continue;
        }
        layout->addWidget(separator(m_hostBox, m_theme), 0, Qt::AlignHCenter);
        auto *name = new QToolButton(m_hostBox);
        name->setObjectName(QStringLiteral("RailHost"));
        name->setProperty("hostId", h.id);
        name->setText(railText(this, h.name));
        name->setFont(small);
        name->setToolTip(tr("%1: open its home").arg(h.name));
        name->setAccessibleName(tr("Host: %1").arg(h.name));
        name->setAutoRaise(true);
        name->setFixedWidth(68);
        name->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(name, &QToolButton::clicked, this, [this, id = h.id] { emit hostGuildRequested(id, 0); });
        connect(name, &QToolButton::customContextMenuRequested, this, [this, name, id = h.id, n = h.name](const QPoint &pos) {
            QMenu menu;
            menu.addAction(tr("Leave %1").arg(n), this, [this, id] { emit leaveHostRequested(id); })
                ->setObjectName(QStringLiteral("LeaveHost"));
            menu.exec(name->mapToGlobal(pos));
        });
        layout->addWidget(name, 0, Qt::AlignHCenter);
        auto *list = new LaidOutView<QListView>(m_hostBox);
        list->setObjectName(QStringLiteral("HostGuildList"));
        list->setProperty("hostId", h.id);
        list->setModel(h.state->guilds());
        list->setItemDelegate(new GuildIconDelegate(m_theme, list));
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setMouseTracking(true);
        list->setFrameShape(QFrame::NoFrame);
        list->setFocusPolicy(Qt::NoFocus);
        list->setSelectionMode(QAbstractItemView::NoSelection);
        list->setFixedWidth(72);
        auto fit = [list] { list->setFixedHeight(qMax(0, list->model()->rowCount() * 56 + 4)); };
        fit();
        connect(list->model(), &QAbstractItemModel::rowsInserted, list, fit);
        connect(list->model(), &QAbstractItemModel::rowsRemoved, list, fit);
        connect(list->model(), &QAbstractItemModel::modelReset, list, fit);
        connect(list, &QListView::clicked, this, [this, id = h.id](const QModelIndex &i) {
            emit hostGuildRequested(id, i.data(GuildListModel::IdRole).toULongLong());
        });
        layout->addWidget(list);
    }
}

QList<QListView *> ServerRail::otherHostLists() const
{
    return m_hostBox->findChildren<QListView *>(QStringLiteral("HostGuildList"), Qt::FindDirectChildrenOnly);
}

QList<QToolButton *> ServerRail::dmButtons() const
{
    return m_dmBox->findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly);
}

void ServerRail::syncDms()
{
    // At most a handful, newest first: a shortcut to what waits, not a second DM list.
    constexpr int kMax = 5;
    QList<Channel> unread;
    for (const Channel &c : m_state->dms())
        if (m_state->readState(c.id).unread > 0 && !m_state->isMuted(c.id))
            unread.append(c);
    std::sort(unread.begin(), unread.end(), [](const Channel &a, const Channel &b) {
        return a.position != b.position ? a.position < b.position : a.id > b.id;
    });
    unread = unread.mid(0, kMax);
    for (QToolButton *b : dmButtons())
        delete b;
    const QColor back = m_theme->color(QStringLiteral("rail"));
    for (const Channel &c : std::as_const(unread)) {
        const int count = m_state->readState(c.id).unread;
        const Id peer = m_state->dmPeer(c);
        const qreal dpr = devicePixelRatioF();
        QPixmap pm(QSize(48, 48) * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        {
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            const QRectF avatar(0, 0, 48, 48);
            icons::paintAvatar(&p, avatar, peer ? peer : c.id, c.name, *m_theme);
            if (c.type == ChannelType::Dm)
                icons::paintPresence(&p, avatar.bottomRight() - QPointF(7, 7), 7, m_state->presence(peer).status,
                                     back, *m_theme);
            const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
            QFont f = font();
            f.setBold(true);
            f.setPixelSize(11);
            p.setFont(f);
            const qreal w = qMax<qreal>(18, QFontMetricsF(f).horizontalAdvance(text) + 10);
            const QRectF badge(48 - w, 0, w, 18); // top right: the status dot keeps its corner
            p.setPen(QPen(back, 3));
            p.setBrush(m_theme->color(QStringLiteral("danger")));
            p.drawRoundedRect(badge, 9, 9);
            p.setPen(m_theme->color(QStringLiteral("accentText")));
            p.drawText(badge, Qt::AlignCenter, text);
        }
        auto *b = new QToolButton(m_dmBox);
        b->setObjectName(QStringLiteral("RailDm"));
        b->setProperty("channelId", QVariant::fromValue<quint64>(c.id));
        b->setIcon(QIcon(pm));
        b->setIconSize({48, 48});
        b->setFixedSize(48, 48);
        b->setAutoRaise(true);
        b->setStyleSheet(QStringLiteral("QToolButton { border: none; padding: 0; }"));
        b->setToolTip(tr("%1: %n unread", nullptr, count).arg(c.name));
        b->setAccessibleName(b->toolTip());
        connect(b, &QToolButton::clicked, this, [this, id = c.id] { m_state->selectChannel(id); });
        m_dmBox->layout()->addWidget(b);
    }
    m_dmBox->setVisible(!unread.isEmpty());
}

QString ServerRail::homeBadge() const
{
    return m_homeBadge->isHidden() ? QString() : m_homeBadge->text();
}

QMenu *ServerRail::makeGuildMenu(const QModelIndex &index)
{
    if (!index.isValid())
        return nullptr;
    const Id gid = index.data(GuildListModel::IdRole).toULongLong();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("GuildIconMenu"));
    const QList<Channel> channels = m_state->channelsOf(gid);
    if (std::any_of(channels.begin(), channels.end(), [this](const Channel &c) { return m_state->readState(c.id).unread > 0; }))
        menu->addAction(tr("Mark as read"), this, [this, gid] { m_state->markGuildRead(gid); })
            ->setObjectName(QStringLiteral("MarkRead"));
    const bool muted = m_state->isGuildMuted(gid);
    QAction *mute = menu->addAction(muted ? tr("Unmute server") : tr("Mute server"), this,
                                    [this, gid, muted] { m_state->setGuildMuted(gid, !muted); });
    mute->setObjectName(QStringLiteral("MuteGuild"));
    return menu;
}

void ServerRail::syncBadge()
{
    // Unread DMs and friend requests waiting for me: both are for me, at Home.
    const int n = m_state->dmMentions() + m_state->incomingRequests();
    m_homeBadge->setText(n > 99 ? QStringLiteral("99+") : QString::number(n));
    m_homeBadge->setVisible(n > 0);
    m_homeBadge->adjustSize();
    const int w = qMax(16, m_homeBadge->width());
    m_homeBadge->setGeometry(m_home->width() - w, m_home->height() - 16, w, 16);
}

void ServerRail::syncSelection()
{
    m_home->setChecked(m_state->isHome());
    const int row = m_state->guilds()->rowOf(m_state->currentGuild());
    if (row < 0)
        m_list->clearSelection();
    else
        m_list->setCurrentIndex(m_state->guilds()->index(row));
    // The list takes only the height its icons need; "+" sits right below the last one.
    m_list->setFixedHeight(qMax(0, m_state->guilds()->rowCount() * 56 + 4));
}

} // namespace kith::app
