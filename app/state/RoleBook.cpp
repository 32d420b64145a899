#include "RoleBook.h"

#include "shared/Protocol.h"

#include <QJsonArray>
#include <algorithm>

namespace kith::app {

namespace {
void sortByPosition(QList<GuildRole> &roles)
{
    std::stable_sort(roles.begin(), roles.end(), [](const GuildRole &a, const GuildRole &b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
}
} // namespace

void RoleBook::reset(Id guildId, const QJsonArray &roles)
{
    QList<GuildRole> out;
    for (const QJsonValue &r : roles)
        out.append(GuildRole::fromJson(r.toObject()));
    sortByPosition(out);
    m_roles.insert(guildId, out);
}

bool RoleBook::apply(const QString &event, const QJsonObject &d, Id *guildId)
{
    *guildId = idFromJson(d.value(QLatin1String("guild_id")));
    auto it = m_roles.find(*guildId);
    if (it == m_roles.end())
        return false;
    QList<GuildRole> &roles = *it;
    if (event == ev::RoleDeleted) {
        const Id id = idFromJson(d.value(QLatin1String("role_id")));
        return roles.removeIf([id](const GuildRole &r) { return r.id == id; }) > 0;
    }
    const GuildRole role = GuildRole::fromJson(d.value(QLatin1String("role")).toObject());
    if (!role.id)
        return false;
    auto same = std::find_if(roles.begin(), roles.end(), [&](const GuildRole &r) { return r.id == role.id; });
    if (same != roles.end())
        *same = role;
    else
        roles.append(role);
    sortByPosition(roles);
    return true;
}

const GuildRole *RoleBook::highest(const QList<GuildRole> &roles, Id guildId, const Member &m)
{
    for (auto r = roles.crbegin(); r != roles.crend() && !m.roleIds.isEmpty(); ++r)
        if (r->id != guildId && m.roleIds.contains(r->id))
            return &*r;
    return nullptr;
}

QColor RoleBook::colorOf(const QList<GuildRole> &roles, Id guildId, const Member &m)
{
    for (auto r = roles.crbegin(); r != roles.crend() && !m.roleIds.isEmpty(); ++r)
        if (!r->color.isEmpty() && r->id != guildId && m.roleIds.contains(r->id))
            return QColor(r->color);
    return {};
}

} // namespace kith::app
