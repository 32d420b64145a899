#include "DmState.h"

#include "ClientState.h"
#include "ShownName.h"
#include "net/Connection.h"
#include "shared/Protocol.h"
#include "shared/Snowflake.h"

#include <QJsonArray>

namespace kith::app {

namespace {
const QLatin1String kChannelId{"channel_id"};
const QLatin1String kUserId{"user_id"};
} // namespace

// User-visible strings use ClientState::tr: they keep the context translations/ knows them by.

DmState::DmState(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
}

void DmState::reset(const QJsonArray &dms)
{
    m_dms.clear();
    for (const QJsonValue &v : dms)
        upsert(Channel::fromJson(v.toObject()));
}

QString DmState::title(const Channel &c) const
{
    if (!c.isDm())
        return c.name;
    if (!c.name.isEmpty())
        return c.name;
    QStringList names;
    for (const User &u : c.recipients)
        if (u.id != m_me.id)
            names.append(shownName(u));
    return names.isEmpty() ? shownName(m_me) : names.join(QStringLiteral(", "));
}

Id DmState::peer(const Channel &c) const
{
    if (c.type != ChannelType::Dm)
        return 0;
    for (const User &u : c.recipients)
        if (u.id != m_me.id)
            return u.id;
    return 0;
}

void DmState::upsert(Channel c)
{
    if (!c.id || !c.isDm())
        return;
    if (c.name.isEmpty())
        c.name = title(c); // shown wherever a channel's name is
    // Most recent first: the list sorts by position, so the position is minus the age.
    if (c.lastMessageId > m_dmActivity.value(c.id))
        m_dmActivity.insert(c.id, c.lastMessageId);
    const Id newest = qMax(c.id, m_dmActivity.value(c.id));
    c.position = -int((snowflake::timestampMs(newest) - snowflake::kEpochMs) / 1000);
    m_dms.insert(c.id, c);
    emit upserted(c);
    emit dmsChanged();
}

void DmState::renameUser(const User &user)
{
    const QList<Channel> all = m_dms.values();
    for (Channel c : all) {
        auto it = std::find_if(c.recipients.begin(), c.recipients.end(), [&](const User &u) { return u.id == user.id; });
        if (it == c.recipients.end())
            continue;
        const bool titled = c.name == title(c); // a name made from the people, not one given
        *it = user;
        if (titled)
            c.name.clear();
        upsert(c);
    }
}

void DmState::remove(Id channelId)
{
    if (!m_dms.remove(channelId))
        return;
    emit removed(channelId);
    emit dmsChanged();
}

void DmState::noteMessage(Id channelId, Id messageId)
{
    if (!m_dms.contains(channelId) || messageId <= m_dmActivity.value(channelId))
        return;
    m_dmActivity.insert(channelId, messageId);
    upsert(m_dms.value(channelId));
}

void DmState::noteLastRead(Id channelId, Id messageId)
{
    if (messageId > m_dmActivity.value(channelId))
        m_dmActivity.insert(channelId, messageId);
}

void DmState::open(Id userId)
{
    m_connection->request(op::DmOpen, {{kUserId, idJson(userId)}}, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(ClientState::tr("Opening the conversation"), r.error);
            return;
        }
        const Channel c = Channel::fromJson(r.d.value(QLatin1String("channel")).toObject());
        upsert(c);
        emit opened(c.id);
    });
}

void DmState::createGroup(const QList<Id> &userIds, const QString &name)
{
    QJsonArray ids;
    for (Id id : userIds)
        ids.append(idJson(id));
    QJsonObject d{{QLatin1String("user_ids"), ids}};
    if (!name.trimmed().isEmpty())
        d.insert(QLatin1String("name"), name.simplified());
    m_connection->request(op::DmCreateGroup, d, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(ClientState::tr("Creating the group"), r.error);
            return;
        }
        const Channel c = Channel::fromJson(r.d.value(QLatin1String("channel")).toObject());
        upsert(c);
        emit opened(c.id);
    });
}

void DmState::addMember(Id channelId, Id userId)
{
    m_connection->request(op::DmAdd, {{kChannelId, idJson(channelId)}, {kUserId, idJson(userId)}}, this,
                          [this](const Reply &r) {
                              if (!r.ok) {
                                  emit actionFailed(ClientState::tr("Adding to the group"), r.error);
                                  return;
                              }
                              upsert(Channel::fromJson(r.d));
                          });
}

void DmState::removeMember(Id channelId, Id userId)
{
    m_connection->request(op::DmRemove, {{kChannelId, idJson(channelId)}, {kUserId, idJson(userId)}}, this,
                          [this](const Reply &r) {
                              if (!r.ok) {
                                  emit actionFailed(ClientState::tr("Removing from the group"), r.error);
                                  return;
                              }
                              upsert(Channel::fromJson(r.d));
                          });
}

void DmState::leave(Id channelId)
{
    m_connection->request(op::DmLeave, {{kChannelId, idJson(channelId)}}, this, [this, channelId](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(ClientState::tr("Leaving the group"), r.error);
            return;
        }
        remove(channelId);
    });
}

} // namespace kith::app
