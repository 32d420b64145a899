#include "ServerSettingsDialog.h"

#include "PermissionTexts.h"
#include "StatsPage.h"
#include "Theme.h"
#include "shared/Limits.h"
#include "state/ClientState.h"
#include "state/GuildAdmin.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kith::app {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QString shownName(const User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}

QLabel *statusLine(QWidget *parent, const QString &name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->hide();
    return l;
}
} // namespace

ServerSettingsDialog::ServerSettingsDialog(ClientState *state, const Theme *theme, Id guildId,
                                           QWidget *parent)
    : SettingsFrame(tr("Server settings sections"), parent)
    , m_state(state)
    , m_theme(theme)
    , m_guild(guildId)
{
    setObjectName(QStringLiteral("ServerSettings"));
    setWindowTitle(tr("Server settings — %1").arg(state->guild(guildId).name));

    const Permissions mine = state->admin()->myPermissions(guildId);
    if (mine.has(Permission::ManageGuild))
        buildOverview();
    if (mine.has(Permission::ManageRoles))
        buildRoles();
    if (mine.has(Permission::KickMembers) || mine.has(Permission::BanMembers)
        || mine.has(Permission::ModerateMembers) || mine.has(Permission::ManageRoles))
        buildMembers();
    if (mine.has(Permission::BanMembers))
        buildBans();
    if (mine.has(Permission::ViewAuditLog))
        buildAuditLog();
    if (mine.has(Permission::ViewStats))
        buildStats();
    showFirstSection();

    connect(state, &ClientState::rolesChanged, this, [this](Id gid) {
        if (gid != m_guild)
            return;
        if (m_roles)
            fillRoles();
        if (m_members)
            fillMembers();
    });
    connect(state->members(), &QAbstractItemModel::modelReset, this, [this] {
        if (m_members)
            fillMembers();
    });
}

QList<Id> ServerSettingsDialog::shownRoleOrder() const
{
    QList<Id> out;
    for (int i = 0; m_roles && i < m_roles->count(); ++i)
        out << m_roles->item(i)->data(kIdRole).toULongLong();
    return out;
}

void ServerSettingsDialog::say(QLabel *status, bool ok, const QString &text)
{
    status->setProperty("error", !ok);
    status->setProperty("muted", ok);
    status->setText(text);
    status->style()->unpolish(status);
    status->style()->polish(status);
    status->setVisible(!text.isEmpty());
}

// --- Overview

void ServerSettingsDialog::buildOverview()
{
    QVBoxLayout *page = newPage(tr("Overview"));
    auto *form = new QFormLayout;
    form->setVerticalSpacing(12);
    page->addLayout(form);
    const Guild g = m_state->guild(m_guild);
    m_guildName = new QLineEdit(g.name, this);
    m_guildName->setObjectName(QStringLiteral("GuildName"));
    m_guildName->setAccessibleName(tr("Server name"));
    m_guildName->setMaxLength(100);
    form->addRow(tr("Server name"), m_guildName);
    auto *icon = new QPushButton(tr("Change icon…"), this);
    icon->setObjectName(QStringLiteral("ChangeIcon"));
    auto *iconRow = new QHBoxLayout;
    iconRow->addWidget(icon);
    iconRow->addStretch(1);
    form->addRow(tr("Icon"), iconRow);
    connect(icon, &QPushButton::clicked, this, &ServerSettingsDialog::iconRequested);
    m_description = new QPlainTextEdit(g.description, this);
    m_description->setObjectName(QStringLiteral("GuildDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(
        tr("What this server is about, for people finding it in Explore servers"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(96);
    form->addRow(tr("Description"), m_description);
    m_discoverable =
        new QCheckBox(tr("List this server in Explore servers: anyone may find it and join"), this);
    m_discoverable->setObjectName(QStringLiteral("Discoverable"));
    m_discoverable->setChecked(g.discoverable);
    form->addRow(QString(), m_discoverable);
    auto *save = new QPushButton(tr("Save changes"), this);
    save->setObjectName(QStringLiteral("SaveOverview"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(save);
    saveRow->addStretch(1);
    form->addRow(QString(), saveRow);
    m_overviewStatus = statusLine(this, QStringLiteral("OverviewStatus"));
    form->addRow(QString(), m_overviewStatus);
    page->addStretch(1);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString description = m_description->toPlainText().trimmed();
        if (description.size() > limits::kGuildDescriptionMax)
            return say(m_overviewStatus, false,
                       tr("The description is %1 characters long; at most %2 fit.")
                           .arg(description.size())
                           .arg(limits::kGuildDescriptionMax));
        m_state->admin()->updateGuild(
            m_guild, m_guildName->text().simplified(), description, m_discoverable->isChecked(), this,
            [this](bool ok, const QString &error) { say(m_overviewStatus, ok, ok ? tr("Saved.") : error); });
    });
}

// --- Audit log

void ServerSettingsDialog::buildAuditLog()
{
    QVBoxLayout *page = newPage(tr("Audit log"));
    auto *hint = new QLabel(tr("Who changed what in this server, newest first; kept 90 days."), this);
    hint->setProperty("muted", true);
    page->addWidget(hint);
    m_audit = new QTreeWidget(this);
    m_audit->setObjectName(QStringLiteral("AuditTable"));
    m_audit->setAccessibleName(tr("Audit log"));
    m_audit->setRootIsDecorated(false);
    m_audit->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Details")});
    for (int column = 0; column < 3; ++column)
        m_audit->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_audit->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    page->addWidget(m_audit, 1);
    // The host's: asked for each time the page is shown.
    whenShown(page->parentWidget(), [this] { fillAuditLog(); });
}

void ServerSettingsDialog::buildStats()
{
    QVBoxLayout *page = newPage(tr("Statistics"));
    page->addWidget(new StatsPage(m_state, m_theme, m_guild, this), 1);
}

void ServerSettingsDialog::fillAuditLog()
{
    m_state->admin()->auditLog(
        m_guild, 0, this,
        [this](bool ok, const QString &error, const QList<GuildAdmin::AuditEntry> &entries) {
            m_audit->clear();
            if (!ok) {
                new QTreeWidgetItem(m_audit, {QString(), QString(), error});
                return;
            }
            auto who = [this](Id id) {
                const Member *m = m_state->member(m_guild, id);
                return m ? shownName(m->user) : tr("someone no longer here");
            };
            auto roleName = [this](Id id) {
                for (const GuildRole &r : m_state->roles(m_guild))
                    if (r.id == id)
                        return r.name;
                return QString();
            };
            for (const GuildAdmin::AuditEntry &e : entries) {
                // The target, named when this app knows it: a member, a channel or a role.
                QString target;
                if (e.action.startsWith(u"member."))
                    target = who(e.targetId);
                else if (e.action.startsWith(u"channel."))
                    target = u'#' + m_state->channel(e.targetId).name;
                else if (e.action.startsWith(u"role."))
                    target = roleName(e.targetId);
                QStringList details;
                if (!target.isEmpty() && target != u"#")
                    details << target;
                for (auto it = e.changes.constBegin(); it != e.changes.constEnd(); ++it) {
                    const QJsonValue now = it.value().toObject().value(QLatin1String("new"));
                    if (now.isString() || now.isDouble() || now.isBool())
                        details << QStringLiteral("%1: %2").arg(it.key(), now.toVariant().toString());
                    else if (now.isArray()) { // permission names as they are; role ids by name
                        QStringList items = now.toVariant().toStringList();
                        if (it.key() == u"role_ids")
                            for (QString &item : items)
                                item = roleName(item.toULongLong());
                        items.removeAll(QString());
                        details << QStringLiteral("%1: %2").arg(
                            it.key(), items.isEmpty() ? tr("none") : items.join(u", "));
                    } else
                        details << it.key();
                }
                if (!e.reason.isEmpty())
                    details << tr("reason: %1").arg(e.reason);
                new QTreeWidgetItem(
                    m_audit,
                    {QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.createdAtMs), QLocale::ShortFormat),
                     who(e.actorId), e.action, details.join(QStringLiteral(" · "))});
            }
            if (entries.isEmpty())
                new QTreeWidgetItem(m_audit, {QString(), QString(), tr("Nothing yet")});
        });
}

// --- Roles

void ServerSettingsDialog::buildRoles()
{
    QVBoxLayout *page = newPage(tr("Roles"));
    auto *hint =
        new QLabel(tr("People take the colour of their highest coloured role, and are listed under their "
                      "highest role. Drag roles to order them: a role can manage only those below it."),
                   this);
    hint->setProperty("muted", true);
    hint->setWordWrap(true);
    page->addWidget(hint);
    auto *row = new QHBoxLayout;
    page->addLayout(row, 1);

    auto *left = new QVBoxLayout;
    row->addLayout(left);
    auto *create = new QPushButton(tr("Create role"), this);
    create->setObjectName(QStringLiteral("CreateRole"));
    left->addWidget(create);
    m_roles = new QListWidget(this);
    m_roles->setObjectName(QStringLiteral("RoleList"));
    m_roles->setAccessibleName(tr("Roles, highest first"));
    m_roles->setFixedWidth(220);
    m_roles->setDragDropMode(QAbstractItemView::InternalMove);
    m_roles->setDefaultDropAction(Qt::MoveAction);
    left->addWidget(m_roles, 1);

    m_roleEditor = new QWidget(this);
    row->addWidget(m_roleEditor, 1);
    auto *form = new QFormLayout(m_roleEditor);
    form->setContentsMargins(24, 0, 0, 0);
    m_roleName = new QLineEdit(m_roleEditor);
    m_roleName->setObjectName(QStringLiteral("RoleName"));
    m_roleName->setAccessibleName(tr("Role name"));
    m_roleName->setMaxLength(100);
    form->addRow(tr("Name"), m_roleName);
    auto *colors = new QHBoxLayout;
    m_roleColor = new QPushButton(m_roleEditor);
    m_roleColor->setObjectName(QStringLiteral("RoleColor"));
    m_roleColor->setAccessibleName(tr("Role colour"));
    auto *noColor = new QPushButton(tr("No colour"), m_roleEditor);
    noColor->setObjectName(QStringLiteral("RoleNoColor"));
    colors->addWidget(m_roleColor);
    colors->addWidget(noColor);
    colors->addStretch(1);
    form->addRow(tr("Colour"), colors);
    m_mentionable = new QCheckBox(tr("Anyone may @mention this role"), m_roleEditor);
    form->addRow(QString(), m_mentionable);
    auto *grid = new QGridLayout;
    int i = 0;
    for (const PermissionText &p : rolePermissionTexts()) {
        auto *box = new QCheckBox(p.name, m_roleEditor);
        box->setObjectName(QStringLiteral("Permission-") + Permissions(p.permission).names().value(0));
        m_permissionBoxes.append({p.permission, box});
        grid->addWidget(box, i / 2, i % 2);
        ++i;
    }
    form->addRow(tr("Permissions"), grid);
    auto *buttons = new QHBoxLayout;
    m_saveRole = new QPushButton(tr("Save changes"), m_roleEditor);
    m_saveRole->setObjectName(QStringLiteral("SaveRole"));
    m_deleteRole = new QPushButton(tr("Delete role"), m_roleEditor);
    m_deleteRole->setObjectName(QStringLiteral("DeleteRole"));
    m_deleteRole->setProperty("danger", true);
    buttons->addWidget(m_saveRole);
    buttons->addWidget(m_deleteRole);
    buttons->addStretch(1);
    form->addRow(QString(), buttons);
    m_roleStatus = statusLine(m_roleEditor, QStringLiteral("RoleStatus"));
    form->addRow(QString(), m_roleStatus);

    connect(create, &QPushButton::clicked, this, [this] {
        m_state->admin()->createRole(m_guild, tr("new role"), this,
                                     [this](bool ok, const QString &error, Id id) {
                                         if (!ok)
                                             return say(m_roleStatus, false, error);
                                         // Shown once the host's role.created is here (it may
                                         // come after this reply).
                                         m_pendingRole = id;
                                         fillRoles();
                                     });
    });
    connect(m_roles, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { showRole(item ? item->data(kIdRole).toULongLong() : 0); });
    connect(m_roles->model(), &QAbstractItemModel::rowsMoved, this, &ServerSettingsDialog::reorderFromList);
    connect(m_roleColor, &QPushButton::clicked, this, [this] {
        auto *picker = new QColorDialog(
            m_pickedColor.isEmpty() ? QColor(0x99, 0xaa, 0xb5) : QColor(m_pickedColor), this);
        picker->setAttribute(Qt::WA_DeleteOnClose);
        connect(picker, &QColorDialog::colorSelected, this, [this](const QColor &c) {
            m_pickedColor = c.name();
            showPickedColor();
        });
        picker->open();
    });
    connect(noColor, &QPushButton::clicked, this, [this] {
        m_pickedColor.clear();
        showPickedColor();
    });
    connect(m_saveRole, &QPushButton::clicked, this, &ServerSettingsDialog::saveRole);
    connect(m_deleteRole, &QPushButton::clicked, this, [this] {
        const Id id = m_shownRole;
        m_state->admin()->deleteRole(m_guild, id, this, [this](bool ok, const QString &error) {
            say(m_roleStatus, ok, ok ? QString() : error);
        });
    });
    fillRoles();
}

void ServerSettingsDialog::fillRoles()
{
    const Id keep = m_shownRole;
    const int top = m_state->admin()->myTopPosition(m_guild);
    const QSignalBlocker quiet(m_roles); // the view still hears the model: only our slots are quiet
    m_filling = true;
    const auto filled = qScopeGuard([this] { m_filling = false; });
    m_roles->clear();
    const QList<GuildRole> roles = m_state->roles(m_guild);
    for (auto r = roles.crbegin(); r != roles.crend(); ++r) {
        const bool everyone = r->id == m_guild;
        auto *item = new QListWidgetItem(everyone ? QStringLiteral("@everyone") : r->name, m_roles);
        item->setData(kIdRole, QVariant::fromValue<quint64>(r->id));
        if (!r->color.isEmpty())
            item->setForeground(QColor(r->color));
        // Only roles below my own move; @everyone stays at the bottom.
        Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
        if (!everyone && r->position < top)
            flags |= Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
        item->setFlags(flags);
    }
    const QList<Id> order = shownRoleOrder();
    int row = int(order.indexOf(m_pendingRole));
    const bool made = row >= 0;
    if (made)
        m_pendingRole = 0;
    else
        row = int(order.indexOf(keep));
    m_roles->setCurrentRow(row >= 0 ? row : 0);
    showRole(m_roles->currentItem() ? m_roles->currentItem()->data(kIdRole).toULongLong() : 0);
    if (made) { // a new role: ready to be named
        m_roleName->setFocus();
        m_roleName->selectAll();
    }
}

void ServerSettingsDialog::showRole(Id roleId)
{
    if (roleId != m_shownRole)
        say(m_roleStatus, true, QString()); // what was said was about the other role
    m_shownRole = roleId;
    const QList<GuildRole> roles = m_state->roles(m_guild);
    const auto it =
        std::find_if(roles.cbegin(), roles.cend(), [roleId](const GuildRole &r) { return r.id == roleId; });
    m_roleEditor->setEnabled(it != roles.cend());
    if (it == roles.cend())
        return;
    const bool everyone = roleId == m_guild;
    const Permissions mine = m_state->admin()->myPermissions(m_guild);
    const bool owner = m_state->myRole(m_guild) == Role::Owner;
    // A role at or above my highest is not mine to change (the host says the same).
    const bool editable = everyone || it->position < m_state->admin()->myTopPosition(m_guild);
    m_roleName->setText(everyone ? QStringLiteral("@everyone") : it->name);
    m_roleName->setReadOnly(everyone || !editable);
    m_pickedColor = it->color;
    showPickedColor();
    m_roleColor->setEnabled(!everyone && editable);
    m_mentionable->setChecked(it->mentionable);
    m_mentionable->setEnabled(!everyone && editable);
    for (const auto &[permission, box] : std::as_const(m_permissionBoxes)) {
        box->setChecked(it->permissions.has(permission));
        // Nobody but the owner grants what they do not hold.
        box->setEnabled(editable && (owner || mine.has(permission)));
    }
    m_saveRole->setEnabled(editable);
    m_deleteRole->setVisible(!everyone);
    m_deleteRole->setEnabled(editable);
}

void ServerSettingsDialog::showPickedColor()
{
    m_roleColor->setText(m_pickedColor.isEmpty() ? tr("Pick…") : m_pickedColor);
    QPixmap swatch(14, 14);
    swatch.fill(m_pickedColor.isEmpty() ? Qt::transparent : QColor(m_pickedColor));
    m_roleColor->setIcon(m_pickedColor.isEmpty() ? QIcon() : QIcon(swatch));
}

void ServerSettingsDialog::saveRole()
{
    const QList<GuildRole> roles = m_state->roles(m_guild);
    const auto it = std::find_if(roles.cbegin(), roles.cend(),
                                 [this](const GuildRole &r) { return r.id == m_shownRole; });
    if (it == roles.cend())
        return;
    GuildRole role = *it;
    if (role.id != m_guild) {
        role.name = m_roleName->text().trimmed();
        role.color = m_pickedColor;
        role.mentionable = m_mentionable->isChecked();
    }
    Permissions p;
    for (const auto &[permission, box] : std::as_const(m_permissionBoxes))
        if (box->isChecked())
            p |= permission;
    role.permissions = p;
    m_state->admin()->updateRole(m_guild, role, this, [this](bool ok, const QString &error) {
        say(m_roleStatus, ok, ok ? tr("Saved.") : error);
    });
}

void ServerSettingsDialog::reorderFromList()
{
    if (m_filling)
        return;
    // The list shows highest first; the host takes every role but @everyone, lowest first.
    QList<Id> lowestFirst;
    const QList<Id> shown = shownRoleOrder();
    for (qsizetype i = shown.size() - 1; i >= 0; --i)
        if (shown.at(i) != m_guild)
            lowestFirst << shown.at(i);
    m_state->admin()->reorderRoles(m_guild, lowestFirst, this, [this](bool ok, const QString &error) {
        if (!ok) {
            say(m_roleStatus, false, error);
            fillRoles(); // back to the host's order
        }
    });
}

// --- Members

void ServerSettingsDialog::buildMembers()
{
    QVBoxLayout *page = newPage(tr("Members"));
    m_members = new QTreeWidget(this);
    m_members->setObjectName(QStringLiteral("MemberTable"));
    m_members->setAccessibleName(tr("Members"));
    m_members->setRootIsDecorated(false);
    m_members->setHeaderLabels({tr("Name"), tr("Roles"), tr("Timed out until")});
    m_members->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    page->addWidget(m_members, 1);
    auto *buttons = new QHBoxLayout;
    m_memberRoles = new QPushButton(tr("Roles…"), this);
    m_memberRoles->setObjectName(QStringLiteral("MemberRoles"));
    m_timeout = new QPushButton(tr("Time out…"), this);
    m_timeout->setObjectName(QStringLiteral("TimeoutMember"));
    m_kick = new QPushButton(tr("Kick"), this);
    m_kick->setObjectName(QStringLiteral("KickMember"));
    m_banReason = new QLineEdit(this);
    m_banReason->setObjectName(QStringLiteral("BanReason"));
    m_banReason->setPlaceholderText(tr("Reason for a ban (optional)"));
    m_banReason->setAccessibleName(tr("Reason for a ban"));
    m_ban = new QPushButton(tr("Ban"), this);
    m_ban->setObjectName(QStringLiteral("BanMember"));
    m_ban->setProperty("danger", true);
    for (QWidget *w : {static_cast<QWidget *>(m_memberRoles), static_cast<QWidget *>(m_timeout),
                       static_cast<QWidget *>(m_kick)})
        buttons->addWidget(w);
    buttons->addStretch(1);
    buttons->addWidget(m_banReason, 1);
    buttons->addWidget(m_ban);
    page->addLayout(buttons);
    m_memberStatus = statusLine(this, QStringLiteral("MemberStatus"));
    page->addWidget(m_memberStatus);

    const Permissions mine = m_state->admin()->myPermissions(m_guild);
    m_memberRoles->setVisible(mine.has(Permission::ManageRoles));
    m_timeout->setVisible(mine.has(Permission::ModerateMembers));
    m_kick->setVisible(mine.has(Permission::KickMembers));
    m_ban->setVisible(mine.has(Permission::BanMembers));
    m_banReason->setVisible(mine.has(Permission::BanMembers));
    auto sync = [this] {
        const Member *m = m_state->member(m_guild, selectedMember());
        const bool may = m && m_state->admin()->outranks(m_guild, *m);
        for (QPushButton *b : {m_memberRoles, m_timeout, m_kick, m_ban})
            b->setEnabled(may);
    };
    connect(m_members, &QTreeWidget::currentItemChanged, this, sync);
    auto done = [this](const QString &what) {
        return [this, what](bool ok, const QString &error) { say(m_memberStatus, ok, ok ? what : error); };
    };
    connect(m_kick, &QPushButton::clicked, this, [this, done] {
        m_state->admin()->kick(m_guild, selectedMember(), this, done(tr("Removed from the server.")));
    });
    connect(m_ban, &QPushButton::clicked, this, [this, done] {
        m_state->admin()->ban(m_guild, selectedMember(), m_banReason->text(), 0, this, done(tr("Banned.")));
        m_banReason->clear();
    });
    connect(m_memberRoles, &QPushButton::clicked, this, &ServerSettingsDialog::memberRolesMenu);
    connect(m_timeout, &QPushButton::clicked, this, &ServerSettingsDialog::timeoutMenu);
    fillMembers();
    sync();
}

Id ServerSettingsDialog::selectedMember() const
{
    const QTreeWidgetItem *item = m_members ? m_members->currentItem() : nullptr;
    return item ? item->data(0, kIdRole).toULongLong() : 0;
}

void ServerSettingsDialog::fillMembers()
{
    const Id keep = selectedMember();
    const QSignalBlocker quiet(m_members);
    m_members->clear();
    const QList<GuildRole> roles = m_state->roles(m_guild);
    for (const Member &m : m_state->guildMembers(m_guild)) {
        QStringList names;
        for (auto r = roles.crbegin(); r != roles.crend(); ++r)
            if (m.roleIds.contains(r->id))
                names << r->name;
        const QString until =
            m.timeoutUntilMs > QDateTime::currentMSecsSinceEpoch()
                ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.timeoutUntilMs), QLocale::ShortFormat)
                : QString();
        auto *item =
            new QTreeWidgetItem(m_members, {shownName(m.user), names.join(QStringLiteral(", ")), until});
        item->setData(0, kIdRole, QVariant::fromValue<quint64>(m.user.id));
        const QColor c = m_state->nameColor(m_guild, m.user.id);
        if (c.isValid())
            item->setForeground(0, c);
        if (m.user.id == keep)
            m_members->setCurrentItem(item);
    }
}

void ServerSettingsDialog::memberRolesMenu()
{
    const Member *m = m_state->member(m_guild, selectedMember());
    if (!m)
        return;
    const Id user = m->user.id;
    const QList<Id> held = m->roleIds;
    const int top = m_state->admin()->myTopPosition(m_guild);
    QMenu menu(this);
    const QList<GuildRole> roles = m_state->roles(m_guild);
    for (auto r = roles.crbegin(); r != roles.crend(); ++r) {
        if (r->id == m_guild)
            continue;
        QAction *a = menu.addAction(r->name);
        a->setCheckable(true);
        a->setChecked(held.contains(r->id));
        a->setEnabled(r->position < top); // roles at or above mine are not mine to give
        a->setData(QVariant::fromValue<quint64>(r->id));
    }
    if (menu.isEmpty())
        menu.addAction(tr("No roles yet: create one under Roles"))->setEnabled(false);
    QAction *picked = menu.exec(m_memberRoles->mapToGlobal(QPoint(0, m_memberRoles->height())));
    if (!picked || !picked->data().isValid())
        return;
    QList<Id> next = held;
    const Id id = picked->data().toULongLong();
    if (picked->isChecked())
        next.append(id);
    else
        next.removeAll(id);
    m_state->admin()->setMemberRoles(m_guild, user, next, this, [this](bool ok, const QString &error) {
        say(m_memberStatus, ok, ok ? QString() : error);
    });
}

void ServerSettingsDialog::timeoutMenu()
{
    const Id user = selectedMember();
    QMenu menu(this);
    const QList<QPair<QString, qint64>> spans{{tr("60 seconds"), 60},  {tr("5 minutes"), 300},
                                              {tr("10 minutes"), 600}, {tr("1 hour"), 3600},
                                              {tr("1 day"), 86400},    {tr("1 week"), 7 * 86400}};
    for (const auto &[text, seconds] : spans)
        menu.addAction(text)->setData(seconds);
    menu.addSeparator();
    menu.addAction(tr("Remove timeout"))->setData(0);
    QAction *picked = menu.exec(m_timeout->mapToGlobal(QPoint(0, m_timeout->height())));
    if (!picked)
        return;
    const qint64 seconds = picked->data().toLongLong();
    const qint64 until = seconds ? QDateTime::currentMSecsSinceEpoch() + seconds * 1000 : 0;
    m_state->admin()->timeout(m_guild, user, until, this, [this, seconds](bool ok, const QString &error) {
        say(m_memberStatus, ok, ok ? (seconds ? tr("Timed out.") : tr("Timeout removed.")) : error);
    });
}

// --- Bans

void ServerSettingsDialog::buildBans()
{
    QVBoxLayout *page = newPage(tr("Bans"));
    m_bans = new QTreeWidget(this);
    m_bans->setObjectName(QStringLiteral("BanTable"));
    m_bans->setAccessibleName(tr("Banned people"));
    m_bans->setRootIsDecorated(false);
    m_bans->setHeaderLabels({tr("Name"), tr("Reason"), tr("Banned on")});
    m_bans->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    page->addWidget(m_bans, 1);
    auto *buttons = new QHBoxLayout;
    m_unban = new QPushButton(tr("Revoke ban"), this);
    m_unban->setObjectName(QStringLiteral("Unban"));
    m_unban->setEnabled(false);
    buttons->addWidget(m_unban);
    buttons->addStretch(1);
    page->addLayout(buttons);
    m_banStatus = statusLine(this, QStringLiteral("BanStatus"));
    page->addWidget(m_banStatus);
    connect(m_bans, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { m_unban->setEnabled(item != nullptr); });
    connect(m_unban, &QPushButton::clicked, this, [this] {
        const QTreeWidgetItem *item = m_bans->currentItem();
        if (!item)
            return;
        m_state->admin()->unban(m_guild, item->data(0, kIdRole).toULongLong(), this,
                                [this](bool ok, const QString &error) {
                                    say(m_banStatus, ok, ok ? tr("Ban revoked.") : error);
                                    fillBans();
                                });
    });
    // The list is the host's: asked for when the page is shown, and after each change.
    whenShown(page->parentWidget(), [this] { fillBans(); });
}

void ServerSettingsDialog::fillBans()
{
    m_state->admin()->bans(
        m_guild, this, [this](bool ok, const QString &error, const QList<GuildAdmin::Ban> &bans) {
            if (!ok)
                return say(m_banStatus, false, error);
            m_bans->clear();
            for (const GuildAdmin::Ban &b : bans) {
                auto *item = new QTreeWidgetItem(
                    m_bans, {shownName(b.user), b.reason,
                             QLocale().toString(QDateTime::fromMSecsSinceEpoch(b.createdAtMs).date(),
                                                QLocale::ShortFormat)});
                item->setData(0, kIdRole, QVariant::fromValue<quint64>(b.user.id));
            }
            if (bans.isEmpty())
                say(m_banStatus, true, tr("Nobody is banned."));
        });
}

} // namespace kith::app
