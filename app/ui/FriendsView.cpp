#include "FriendsView.h"

#include "Icons.h"
#include "LaidOutView.h"
#include "Theme.h"
#include "UserFooter.h"
#include "state/ClientState.h"
#include "shared/Protocol.h"

#include <QEvent>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QStyle>
#include <QPainter>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kith::app {

namespace {
QString nameOf(const User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}
bool shownOnline(const QString &status)
{
    return status == u"online" || status == u"idle" || status == u"dnd";
}
} // namespace

FriendsView::FriendsView(ClientState *state, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_state(state), m_theme(theme), m_tabs(new QButtonGroup(this)),
      m_list(new LaidOutView<QListWidget>(this)), m_addField(new QLineEdit(this)), m_addButton(new QPushButton(this)),
      m_empty(new QLabel(this)), m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("FriendsView"));
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("ChatHeader"));
    header->setAttribute(Qt::WA_StyledBackground);
    header->setFixedHeight(kHeaderHeight);
    auto *hl = new QHBoxLayout(header);
    hl->setContentsMargins(16, 0, 16, 0);
    hl->setSpacing(6);
    m_channelsToggle = new QToolButton(header);
    m_channelsToggle->setObjectName(QStringLiteral("ChannelsToggle"));
    followTheme(theme, m_channelsToggle, [this, theme] {
        m_channelsToggle->setIcon(icons::make(icons::Kind::Menu, theme->color(QStringLiteral("textMuted")), 20));
    });
    m_channelsToggle->setIconSize({20, 20});
    m_channelsToggle->setAutoRaise(true);
    m_channelsToggle->setCheckable(true);
    m_channelsToggle->hide();
    connect(m_channelsToggle, &QToolButton::clicked, this, &FriendsView::channelsToggled);
    hl->addWidget(m_channelsToggle);
    auto *icon = new QLabel(header);
    followTheme(theme, icon, [icon, theme] {
        icon->setPixmap(icons::make(icons::Kind::People, theme->color(QStringLiteral("textFaint")), 22).pixmap(22, 22));
    });
    hl->addWidget(icon);
    auto *title = m_title = new QLabel(header);
    title->setObjectName(QStringLiteral("ChatHeaderName"));
    hl->addWidget(title);
    hl->addSpacing(12);
    const auto tabStyle = [theme] {
        return QStringLiteral("QToolButton { padding: 4px 10px; } QToolButton:checked { background: %1; color: %2; }")
            .arg(theme->color(QStringLiteral("selected")).name(), theme->color(QStringLiteral("text")).name());
    };
    for (const Tab tab : {Tab::Online, Tab::All, Tab::Pending, Tab::Blocked}) {
        auto *b = new QToolButton(header);
        b->setCheckable(true);
        followTheme(theme, b, [b, tabStyle] { b->setStyleSheet(tabStyle()); });
        b->setObjectName(QStringLiteral("FriendsTab"));
        m_tabs->addButton(b, int(tab));
        hl->addWidget(b);
        if (tab == Tab::Pending) {
            m_pendingBadge = new QLabel(header);
            m_pendingBadge->setObjectName(QStringLiteral("PendingBadge"));
            m_pendingBadge->setAlignment(Qt::AlignCenter);
            m_pendingBadge->setMinimumWidth(18);
            followTheme(theme, m_pendingBadge, [this, theme] {
                m_pendingBadge->setStyleSheet(QStringLiteral("background: %1; color: %2; border-radius: 9px; padding: 1px 5px; font-weight: bold; font-size: 8pt;")
                                                  .arg(theme->color(QStringLiteral("danger")).name(),
                                                       theme->color(QStringLiteral("accentText")).name()));
            });
            m_pendingBadge->hide();
            hl->addWidget(m_pendingBadge);
        }
    }
    m_tabs->button(int(Tab::Online))->setChecked(true);
    connect(m_tabs, &QButtonGroup::idClicked, this, [this](int id) { setTab(Tab(id)); });
    hl->addStretch(1);
    layout->addWidget(header);

    // In no server yet (a new account on someone's server): say what to do, with both ways.
    m_noGuilds = new QWidget(this);
    m_noGuilds->setObjectName(QStringLiteral("NoGuilds"));
    m_noGuilds->setAttribute(Qt::WA_StyledBackground);
    auto *nl = new QVBoxLayout(m_noGuilds);
    nl->setContentsMargins(20, 16, 20, 16);
    nl->setSpacing(8);
    auto *noTitle = m_noGuildsTitle = new QLabel(m_noGuilds);
    noTitle->setProperty("heading", true);
    nl->addWidget(noTitle);
    auto *noText = m_noGuildsText = new QLabel(m_noGuilds);
    noText->setProperty("muted", true);
    noText->setWordWrap(true);
    nl->addWidget(noText);
    auto *nb = new QHBoxLayout;
    auto *create = m_createGuild = new QPushButton(m_noGuilds);
    create->setObjectName(QStringLiteral("NoGuildsCreate"));
    create->setProperty("primary", true);
    auto *join = m_joinGuild = new QPushButton(m_noGuilds);
    join->setObjectName(QStringLiteral("NoGuildsJoin"));
    nb->addWidget(create);
    nb->addWidget(join);
    nb->addStretch();
    nl->addLayout(nb);
    connect(create, &QPushButton::clicked, this, &FriendsView::createGuildRequested);
    connect(join, &QPushButton::clicked, this, &FriendsView::joinGuildRequested);
    layout->addWidget(m_noGuilds);
    connect(state->guilds(), &QAbstractItemModel::rowsInserted, this, &FriendsView::syncNoGuilds);
    connect(state->guilds(), &QAbstractItemModel::rowsRemoved, this, &FriendsView::syncNoGuilds);
    connect(state->guilds(), &QAbstractItemModel::modelReset, this, &FriendsView::syncNoGuilds);
    connect(state, &ClientState::stateLoaded, this, &FriendsView::syncNoGuilds);
    syncNoGuilds();

    // Add friend: one line, a username, Enter or the button.
    auto *add = new QWidget(this);
    auto *al = new QVBoxLayout(add);
    al->setContentsMargins(20, 16, 20, 8);
    al->setSpacing(6);
    auto *addTitle = m_addTitle = new QLabel(add);
    addTitle->setProperty("section", true);
    al->addWidget(addTitle);
    auto *row = new QHBoxLayout;
    m_addField->setObjectName(QStringLiteral("AddFriendField"));
    m_addField->setMaxLength(32);
    row->addWidget(m_addField, 1);
    m_addButton->setProperty("primary", true);
    m_addButton->setObjectName(QStringLiteral("AddFriendButton"));
    m_addButton->setEnabled(false);
    row->addWidget(m_addButton);
    al->addLayout(row);
    m_result->setProperty("muted", true);
    m_result->setObjectName(QStringLiteral("AddFriendResult"));
    m_result->hide();
    m_resultTimer = new QTimer(this);
    m_resultTimer->setSingleShot(true);
    m_resultTimer->setInterval(8000);
    connect(m_resultTimer, &QTimer::timeout, m_result, &QWidget::hide);
    al->addWidget(m_result);
    layout->addWidget(add);
    connect(m_addField, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_addButton->setEnabled(!t.trimmed().isEmpty());
        m_result->hide();
    });
    connect(m_addField, &QLineEdit::returnPressed, this, &FriendsView::submitAdd);
    connect(m_addButton, &QPushButton::clicked, this, &FriendsView::submitAdd);

    m_list->setObjectName(QStringLiteral("FriendList"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setStyleSheet(QStringLiteral("QListWidget { background: transparent; margin: 0 12px; }"));
    layout->addWidget(m_list, 1);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setProperty("subtitle", true);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty, 1);

    connect(state, &ClientState::relationshipsChanged, this, &FriendsView::rebuild);
    // Rows draw their avatar once: draw them again when one arrives (only while shown).
    connect(state->attachments(), &AttachmentCache::avatarReady, this, [this] {
        if (isVisible())
            rebuild();
    });
    connect(state, &ClientState::relationshipsChanged, this, &FriendsView::syncPendingBadge);
    connect(state, &ClientState::presenceChanged, this, [this](Id userId) {
        if (m_state->relationship(userId) == u"friend")
            rebuild();
    });
    connect(state, &ClientState::friendRequestAnswered, this, [this](const QString &username, bool ok) {
        // What was typed stays after a failure, to be corrected rather than typed again.
        if (ok && m_addField->text().trimmed().compare(username, Qt::CaseInsensitive) == 0)
            m_addField->clear();
        m_result->setText(ok ? tr("Friend request sent to %1.").arg(username)
                             : tr("Could not send a request to %1: check the username.").arg(username));
        m_result->setProperty("error", !ok);
        m_result->style()->unpolish(m_result);
        m_result->style()->polish(m_result);
        m_result->show();
        m_resultTimer->start();
    });
    retranslate();
}

void FriendsView::retranslate()
{
    m_channelsToggle->setToolTip(tr("Show direct messages"));
    m_channelsToggle->setAccessibleName(m_channelsToggle->toolTip());
    m_title->setText(tr("Friends"));
    m_tabs->button(int(Tab::Online))->setText(tr("Online"));
    m_tabs->button(int(Tab::All))->setText(tr("All"));
    m_tabs->button(int(Tab::Pending))->setText(tr("Pending"));
    m_tabs->button(int(Tab::Blocked))->setText(tr("Blocked"));
    m_noGuildsTitle->setText(tr("You are in no server yet"));
    m_noGuildsText->setText(tr("Create a server or join one with an invite."));
    m_createGuild->setText(tr("Create a server"));
    m_joinGuild->setText(tr("Join with an invite"));
    m_addTitle->setText(tr("ADD FRIEND"));
    m_addField->setAccessibleName(tr("Friend's username"));
    m_addField->setPlaceholderText(tr("Their username"));
    m_addButton->setText(tr("Send friend request"));
    // The rows (their buttons and lines), the empty state and the badge's tooltip.
    rebuild();
    syncPendingBadge();
}

void FriendsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void FriendsView::syncNoGuilds()
{
    m_noGuilds->setVisible(m_state->hasState() && m_state->guilds()->rowCount() == 0);
}

void FriendsView::syncPendingBadge()
{
    const int n = m_state->incomingRequests();
    m_pendingBadge->setText(QString::number(n));
    m_pendingBadge->setVisible(n > 0);
    m_pendingBadge->setToolTip(tr("%n friend request(s) waiting for you", nullptr, n));
}

QString FriendsView::pendingBadge() const
{
    return m_pendingBadge->isHidden() ? QString() : m_pendingBadge->text();
}

void FriendsView::setTab(Tab tab)
{
    m_tab = tab;
    m_tabs->button(int(tab))->setChecked(true);
    rebuild();
}

void FriendsView::submitAdd()
{
    const QString name = m_addField->text().trimmed();
    if (name.isEmpty())
        return;
    m_state->requestFriend(name);
}

QString FriendsView::emptyText() const
{
    return m_empty->isHidden() ? QString() : m_empty->text();
}

QString FriendsView::resultText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

QAction *FriendsView::moreAction(Id userId, const QString &name) const
{
    QPushButton *more = action(userId, QStringLiteral("More"));
    if (!more || !more->menu())
        return nullptr;
    for (QAction *a : more->menu()->actions())
        if (a->objectName() == name)
            return a;
    return nullptr;
}

QPushButton *FriendsView::action(Id userId, const QString &name) const
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (item->data(Qt::UserRole).toULongLong() != userId)
            continue;
        if (QWidget *w = m_list->itemWidget(item))
            return w->findChild<QPushButton *>(name);
    }
    return nullptr;
}

void FriendsView::rebuild()
{
    QList<Relationship> rows;
    for (const Relationship &r : m_state->relationships()) {
        const bool keep = m_tab == Tab::Online    ? r.type == u"friend" && shownOnline(m_state->presence(r.user.id).status)
                          : m_tab == Tab::All     ? r.type == u"friend"
                          : m_tab == Tab::Pending ? r.type == u"incoming" || r.type == u"outgoing"
                                                  : r.type == u"blocked";
        if (keep)
            rows.append(r);
    }
    std::sort(rows.begin(), rows.end(), [](const Relationship &a, const Relationship &b) {
        if (a.type != b.type)
            return a.type < b.type; // incoming before outgoing
        return nameOf(a.user).compare(nameOf(b.user), Qt::CaseInsensitive) < 0;
    });
    m_list->clear();
    for (const Relationship &r : rows) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, QVariant::fromValue<quint64>(r.user.id));
        item->setData(Qt::UserRole + 1, nameOf(r.user)); // not the text: the row widget shows it
        item->setSizeHint(QSize(0, 60));
        QWidget *w = makeRow(r.user, r.type);
        m_list->setItemWidget(item, w);
    }
    static const char *const empties[] = {
        QT_TR_NOOP("No friend is online right now."),
        QT_TR_NOOP("No friends yet. Add someone by their username above."),
        QT_TR_NOOP("No pending requests."),
        QT_TR_NOOP("You block nobody."),
    };
    m_empty->setText(tr(empties[int(m_tab)]));
    m_empty->setVisible(rows.isEmpty());
    m_list->setVisible(!rows.isEmpty());
}

QWidget *FriendsView::makeRow(const User &user, const QString &type)
{
    auto *w = new QWidget;
    auto *l = new QHBoxLayout(w);
    l->setContentsMargins(8, 6, 8, 6);
    l->setSpacing(12);
    // The avatar with its status dot, drawn once into a pixmap.
    const qreal dpr = devicePixelRatioF();
    QPixmap pm(QSize(40, 40) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    {
        QPainter p(&pm);
        const QRectF avatar(0, 0, 36, 36);
        icons::paintAvatar(&p, avatar, user.id, nameOf(user), *m_theme, m_state->attachments()->avatar(user.avatar));
        if (type == u"friend")
            icons::paintPresence(&p, avatar.bottomRight() - QPointF(3, 3), 6, m_state->presence(user.id).status,
                                 m_theme->color(QStringLiteral("chat")), *m_theme);
    }
    auto *avatar = new QLabel(w);
    avatar->setPixmap(pm);
    avatar->setFixedSize(40, 40);
    l->addWidget(avatar);
    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    // The username beside the display name only when they differ: never "ann ann".
    const bool both = nameOf(user).compare(user.username, Qt::CaseInsensitive) != 0;
    auto *name = new QLabel(both ? QStringLiteral("<b>%1</b>&nbsp;&nbsp;<span style=\"color:%3\">%2</span>")
                                       .arg(nameOf(user).toHtmlEscaped(), user.username.toHtmlEscaped(),
                                            m_theme->color(QStringLiteral("textMuted")).name())
                                 : QStringLiteral("<b>%1</b>").arg(nameOf(user).toHtmlEscaped()),
                            w);
    name->setObjectName(QStringLiteral("FriendName"));
    name->setTextFormat(Qt::RichText);
    text->addWidget(name);
    QString sub;
    if (type == u"friend") {
        const Presence p = m_state->presence(user.id);
        sub = p.customStatus.isEmpty() ? UserFooter::statusName(p.status) : p.customStatus;
    } else if (type == u"incoming") {
        sub = tr("Incoming friend request");
    } else if (type == u"outgoing") {
        sub = tr("Outgoing friend request");
    } else {
        sub = tr("Blocked");
    }
    auto *subLabel = new QLabel(sub, w);
    subLabel->setProperty("muted", true);
    text->addWidget(subLabel);
    l->addLayout(text, 1);

    const Id uid = user.id;
    const QString who = nameOf(user);
    auto button = [&](const QString &objectName, const QString &label, auto slot) {
        auto *b = new QPushButton(label, w);
        b->setObjectName(objectName);
        b->setAccessibleName(label);
        connect(b, &QPushButton::clicked, this, slot);
        l->addWidget(b);
        return b;
    };
    // Round icon buttons, told apart by colour and shape, named in their tooltips.
    auto iconButton = [&](const QString &objectName, icons::Kind kind, const QString &colorKey, const QString &tip,
                          auto slot) {
        QPushButton *b = button(objectName, QString(), slot);
        followTheme(m_theme, b, [b, kind, colorKey, theme = m_theme] { b->setIcon(icons::make(kind, theme->color(colorKey), 18)); });
        b->setIconSize({18, 18});
        b->setFixedSize(36, 36);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setStyleSheet(QStringLiteral("QPushButton { border-radius: 18px; padding: 0; }"));
        return b;
    };
    if (type == u"friend") {
        button(QStringLiteral("Message"), tr("Message"), [this, uid] { m_state->openDm(uid); });
        button(QStringLiteral("GroupDm"), tr("New group…"), [this, user] { emit groupDmRequested(user); })
            ->setToolTip(tr("Start a group message with %1 and others").arg(who));
        QPushButton *more = iconButton(QStringLiteral("More"), icons::Kind::More, QStringLiteral("textMuted"),
                                       tr("More"), [] {});
        auto *menu = new QMenu(more);
        menu->addAction(tr("Remove friend"), this, [this, uid] { m_state->relate(op::FriendRemove, uid); })
            ->setObjectName(QStringLiteral("Remove"));
        menu->addSeparator();
        menu->addAction(tr("Block %1").arg(who), this, [this, uid] { m_state->relate(op::UserBlock, uid); })
            ->setObjectName(QStringLiteral("Block"));
        more->setMenu(menu);
    } else if (type == u"incoming") {
        iconButton(QStringLiteral("Accept"), icons::Kind::Check, QStringLiteral("success"),
                   tr("Accept %1's friend request").arg(who), [this, uid] { m_state->relate(op::FriendAccept, uid); });
        iconButton(QStringLiteral("Decline"), icons::Kind::Close, QStringLiteral("danger"),
                   tr("Decline %1's friend request").arg(who), [this, uid] { m_state->relate(op::FriendDecline, uid); });
    } else if (type == u"outgoing") {
        iconButton(QStringLiteral("Cancel"), icons::Kind::Close, QStringLiteral("textMuted"),
                   tr("Cancel the request to %1").arg(who), [this, uid] { m_state->relate(op::FriendCancel, uid); });
    } else {
        button(QStringLiteral("Unblock"), tr("Unblock"), [this, uid] { m_state->relate(op::UserUnblock, uid); });
    }
    return w;
}

} // namespace kith::app
