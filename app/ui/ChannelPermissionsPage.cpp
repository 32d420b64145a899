#include "ChannelPermissionsPage.h"

#include "PermissionTexts.h"
#include "state/ClientState.h"
#include "state/GuildAdmin.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace kith::app {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QString switchName(Permission p)
{
    return QStringLiteral("Switch_") + permissionName(p);
}
} // namespace

QList<Permission> ChannelPermissionsPage::channelPermissions()
{
    QList<Permission> out;
    for (const PermissionText &t : channelPermissionTexts())
        out << t.permission;
    return out;
}

ChannelPermissionsPage::ChannelPermissionsPage(ClientState *state, Id channelId, QWidget *parent)
    : QWidget(parent)
    , m_state(state)
    , m_channel(channelId)
    , m_guild(state->channel(channelId).guildId)
    , m_roles(new QListWidget(this))
    , m_roleHeading(new QLabel(this))
    , m_save(new QPushButton(tr("Save changes"), this))
    , m_status(new QLabel(this))
{
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(40, 56, 40, 16);
    v->setSpacing(12);
    auto *heading = new QLabel(tr("Permissions"), this);
    heading->setProperty("heading", true);
    v->addWidget(heading);
    auto *intro = new QLabel(tr("What each role may do in this channel, above what the server lets it do. "
                                "Neutral keeps the server's setting."),
                             this);
    intro->setProperty("muted", true);
    intro->setWordWrap(true);
    v->addWidget(intro);

    auto *row = new QHBoxLayout;
    row->setSpacing(16);
    v->addLayout(row, 1);
    m_roles->setObjectName(QStringLiteral("OverwriteRoles"));
    m_roles->setAccessibleName(tr("Roles"));
    m_roles->setFixedWidth(200);
    row->addWidget(m_roles);

    // Switches near their names: the editor does not stretch across a wide window.
    auto *editorBox = new QWidget(this);
    editorBox->setMaximumWidth(560);
    auto *editor = new QVBoxLayout(editorBox);
    editor->setContentsMargins(0, 0, 0, 0);
    row->addWidget(editorBox, 1);
    row->addStretch(0);
    m_roleHeading->setObjectName(QStringLiteral("OverwriteRole"));
    QFont bold = m_roleHeading->font();
    bold.setBold(true);
    m_roleHeading->setFont(bold);
    editor->addWidget(m_roleHeading);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(8);
    grid->setColumnStretch(0, 1);
    editor->addLayout(grid);
    int r = 0;
    for (const PermissionText &s : channelPermissionTexts()) {
        auto *label = new QLabel(s.name, this);
        if (!s.help.isEmpty())
            label->setToolTip(s.help);
        grid->addWidget(label, r, 0);
        auto *group = new QButtonGroup(this);
        group->setObjectName(switchName(s.permission));
        // ✕ deny, / neutral, ✓ allow: as Discord shows them.
        const struct {
            State state;
            QString glyph;
            QString name;
        } buttons[] = {{Deny, QStringLiteral("✕"), tr("Deny")},
                       {Neutral, QStringLiteral("/"), tr("Neutral")},
                       {Allow, QStringLiteral("✓"), tr("Allow")}};
        int col = 1;
        for (const auto &b : buttons) {
            auto *button = new QToolButton(this);
            button->setCheckable(true);
            button->setText(b.glyph);
            button->setToolTip(b.name);
            button->setAccessibleName(tr("%1: %2").arg(s.name, b.name));
            button->setFixedSize(32, 26);
            button->setProperty("overwrite", QLatin1String(b.state == Deny    ? "deny"
                                                           : b.state == Allow ? "allow"
                                                                              : "neutral"));
            group->addButton(button, b.state);
            grid->addWidget(button, r, col++);
        }
        group->button(Neutral)->setChecked(true);
        m_switches.append({s.permission, group});
        ++r;
    }
    auto *saveRow = new QHBoxLayout;
    m_status->setObjectName(QStringLiteral("OverwriteStatus"));
    m_status->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("SaveOverwrite"));
    m_save->setProperty("primary", true);
    saveRow->addWidget(m_status, 1);
    saveRow->addWidget(m_save);
    editor->addLayout(saveRow);
    editor->addStretch(1);

    connect(m_save, &QPushButton::clicked, this, &ChannelPermissionsPage::save);
    connect(m_roles, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showRole(item->data(kIdRole).toULongLong());
    });
    connect(state, &ClientState::rolesChanged, this, [this](Id gid) {
        if (gid == m_guild)
            fillRoles();
    });
    fillRoles();
    showRole(m_guild); // @everyone first: the usual place to start
}

void ChannelPermissionsPage::fillRoles()
{
    const QSignalBlocker block(m_roles);
    m_roles->clear();
    const Channel c = m_state->channel(m_channel);
    QList<GuildRole> roles = m_state->roles(m_guild);
    // @everyone always exists, even where the host's guild came without its roles.
    if (std::none_of(roles.cbegin(), roles.cend(), [this](const GuildRole &r) { return r.id == m_guild; }))
        roles.prepend(GuildRole::everyone(m_guild));
    std::reverse(roles.begin(), roles.end()); // highest first, @everyone last
    for (const GuildRole &role : std::as_const(roles)) {
        auto *item = new QListWidgetItem(role.name, m_roles);
        item->setData(kIdRole, QVariant::fromValue<quint64>(role.id));
        if (!role.color.isEmpty())
            item->setForeground(QColor(role.color));
        // Roles with an overwrite here stand out.
        const bool set = std::any_of(c.overwrites.cbegin(), c.overwrites.cend(),
                                     [&](const PermissionOverwrite &o) { return o.roleId == role.id; });
        QFont f = item->font();
        f.setBold(set);
        item->setFont(f);
        if (role.id == m_shownRole)
            m_roles->setCurrentItem(item);
    }
}

void ChannelPermissionsPage::showRole(Id roleId)
{
    m_shownRole = roleId;
    for (int i = 0; i < m_roles->count(); ++i)
        if (m_roles->item(i)->data(kIdRole).toULongLong() == roleId) {
            const QSignalBlocker block(m_roles);
            m_roles->setCurrentRow(i);
            m_roleHeading->setText(tr("Overwrite for %1").arg(m_roles->item(i)->text()));
        }
    PermissionOverwrite o;
    for (const PermissionOverwrite &x : m_state->channel(m_channel).overwrites)
        if (x.roleId == roleId)
            o = x;
    for (const auto &[permission, group] : std::as_const(m_switches))
        setState(permission, o.deny.has(permission) ? Deny : o.allow.has(permission) ? Allow : Neutral);
    m_status->clear();
}

ChannelPermissionsPage::State ChannelPermissionsPage::state(Permission permission) const
{
    for (const auto &[p, group] : m_switches)
        if (p == permission)
            return State(group->checkedId());
    return Neutral;
}

void ChannelPermissionsPage::setState(Permission permission, State state)
{
    for (const auto &[p, group] : std::as_const(m_switches))
        if (p == permission)
            group->button(state)->setChecked(true);
}

PermissionOverwrite ChannelPermissionsPage::shownOverwrite() const
{
    PermissionOverwrite o;
    o.roleId = m_shownRole;
    for (const auto &[permission, group] : m_switches) {
        if (group->checkedId() == Allow)
            o.allow |= permission;
        else if (group->checkedId() == Deny)
            o.deny |= permission;
    }
    return o;
}

void ChannelPermissionsPage::save()
{
    if (!m_shownRole)
        return;
    m_status->setText(tr("Saving…"));
    QPointer<ChannelPermissionsPage> self = this;
    m_state->admin()->setOverwrite(m_channel, shownOverwrite(), this, [self](bool ok, const QString &error) {
        if (!self)
            return;
        self->m_status->setProperty("error", !ok);
        self->m_status->setText(ok ? tr("Saved.") : tr("Not saved: %1").arg(error));
        self->m_status->style()->unpolish(self->m_status);
        self->m_status->style()->polish(self->m_status);
        if (ok)
            self->fillRoles(); // the bold marks follow what is set
    });
}

} // namespace kith::app
