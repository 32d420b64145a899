// What the user asks of the host: sending and editing messages, reactions, profile and
// pictures, guilds, channels and invites. Each request's failure comes back as actionFailed
// (or to the caller's callback); the host's event updates the state (ClientState.cpp).
#include "ClientState.h"

#include "net/Connection.h"
#include "net/HttpClient.h"
#include "net/Outbox.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>

namespace kith::app {

namespace {
const QLatin1String kGuildId{"guild_id"};
const QLatin1String kChannelId{"channel_id"};
} // namespace

void ClientState::sendMessage(const QString &content, Id replyToId, const QList<OutgoingFile> &files)
{
    if (m_outbox && m_channel)
        m_outbox->enqueue(m_channel, content, replyToId, files);
}

qint64 ClientState::attachmentLimit() const
{
    const qint64 n = m_connection->limits().value(QLatin1String("attachment_bytes")).toInteger();
    return n > 0 ? n : limits::kAttachmentBytes;
}

int ClientState::attachmentsPerMessage() const
{
    const int n = m_connection->limits().value(QLatin1String("attachments_per_message")).toInt();
    return n > 0 ? n : limits::kAttachmentsPerMessage;
}

void ClientState::toggleReaction(Id messageId, const QString &emoji)
{
    if (!m_channel)
        return;
    const bool mine = m_messageModel.hasMyReaction(messageId, emoji);
    simple(mine ? op::ReactionRemove : op::ReactionAdd,
           {{kChannelId, idJson(m_channel)},
            {QLatin1String("message_id"), idJson(messageId)},
            {QLatin1String("emoji"), emoji}},
           mine ? tr("Removing the reaction") : tr("Adding the reaction"));
}

void ClientState::retrySend(const QString &nonce)
{
    if (m_outbox)
        m_outbox->retry(nonce);
}

void ClientState::discardSend(const QString &nonce)
{
    if (m_outbox)
        m_outbox->discard(nonce);
}

void ClientState::loadReactionUsers(Id messageId, const QString &emoji)
{
    if (!m_channel)
        return;
    m_connection->request(op::ReactionUsers,
                          {{kChannelId, idJson(m_channel)},
                           {QLatin1String("message_id"), idJson(messageId)},
                           {QLatin1String("emoji"), emoji}},
                          this, [this, messageId, emoji](const Reply &r) {
                              if (!r.ok)
                                  return; // the tooltip keeps its counts
                              QList<User> users;
                              for (const QJsonValue &v : r.d.value(QLatin1String("users")).toArray())
                                  users.append(User::fromJson(v.toObject()));
                              emit reactionUsersLoaded(messageId, emoji, users);
                          });
}

void ClientState::simple(QLatin1String op, const QJsonObject &d, const QString &what)
{
    m_connection->request(op, d, this, [this, what](const Reply &r) {
        if (!r.ok)
            emit actionFailed(what, r.error);
    });
}

void ClientState::editMessage(Id messageId, const QString &content)
{
    simple(op::MessageEdit,
           {{QLatin1String("message_id"), idJson(messageId)}, {QLatin1String("content"), content}},
           tr("Editing the message"));
}

void ClientState::deleteMessage(Id messageId)
{
    simple(op::MessageDelete, {{QLatin1String("message_id"), idJson(messageId)}},
           tr("Deleting the message"));
}

void ClientState::createGuild(const QString &name)
{
    m_connection->request(op::GuildCreate, {{QLatin1String("name"), name}}, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Creating the server"), r.error);
            return;
        }
        m_selectAfterCreate = idFromJson(r.d.value(QLatin1String("id")));
        addGuild(r.d, true);
    });
}

void ClientState::joinGuild(const QString &code, bool reportErrors)
{
    m_connection->request(op::InviteJoin, {{QLatin1String("code"), code}}, this, [this, code, reportErrors](const Reply &r) {
        emit joinAnswered(code, r.ok, r.error);
        if (!r.ok) {
            if (reportErrors)
                emit actionFailed(tr("Joining with the invite"), r.error);
            return;
        }
        m_selectAfterCreate = idFromJson(r.d.value(QLatin1String("id")));
        addGuild(r.d, true);
    });
}

void ClientState::requestInvite(Id guildId, QObject *context, std::function<void(const QString &)> done)
{
    m_connection->request(op::InviteCreate, {{kGuildId, idJson(guildId)}}, context, [done](const Reply &r) {
        done(r.ok ? r.d.value(QLatin1String("code")).toString() : QString());
    });
}

void ClientState::setDisplayName(const QString &name, QObject *context, std::function<void(bool, const Error &)> done)
{
    m_connection->request(op::UserUpdate, {{QLatin1String("display_name"), name}}, context,
                          [done](const Reply &r) { done(r.ok, r.error); });
}

void ClientState::uploadPicture(const QImage &picture, QObject *context, std::function<void(Id)> then,
                                std::function<void(const Error &)> failed)
{
    if (picture.isNull())
        return then(0);
    // The host makes its own 256x256 from the centre square: send no more than it needs.
    const QImage scaled = picture.width() > 512 ? picture.scaled(512, 512, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                                : picture;
    auto *body = new QBuffer;
    body->open(QIODevice::ReadWrite);
    scaled.save(body, "PNG");
    body->seek(0);
    QNetworkReply *reply = m_http->upload(QStringLiteral("avatar.png"), body, QStringLiteral("image/png"));
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, then = std::move(then), failed = std::move(failed)] {
        reply->deleteLater();
        if (!guard)
            return;
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201)
            return failed(Error{ErrorCode::Unavailable, HttpClient::errorText(reply)});
        const Attachment a = Attachment::fromJson(QJsonDocument::fromJson(reply->readAll()).object());
        then(a.id);
    });
}

void ClientState::setProfile(const QString &name, const QImage &picture, bool changePicture, QObject *context,
                             std::function<void(bool, const Error &)> done)
{
    if (!changePicture)
        return setDisplayName(name, context, std::move(done));
    uploadPicture(
        picture, context,
        [this, name, context, done](Id id) {
            QJsonObject d{{QLatin1String("avatar_attachment_id"), idJson(id)}};
            if (!name.isEmpty())
                d.insert(QLatin1String("display_name"), name);
            m_connection->request(op::UserUpdate, d, context, [done](const Reply &r) { done(r.ok, r.error); });
        },
        [done](const Error &e) { done(false, e); });
}

void ClientState::setGuildIcon(Id guildId, const QImage &picture, QObject *context,
                               std::function<void(bool, const Error &)> done)
{
    uploadPicture(
        picture, context,
        [this, guildId, context, done](Id id) {
            m_connection->request(op::GuildUpdate,
                                  {{kGuildId, idJson(guildId)}, {QLatin1String("icon_attachment_id"), idJson(id)}},
                                  context, [done](const Reply &r) { done(r.ok, r.error); });
        },
        [done](const Error &e) { done(false, e); });
}

void ClientState::changePassword(const QString &oldPassword, const QString &newPassword, QObject *context,
                                 std::function<void(bool, const Error &)> done)
{
    m_connection->request(op::UserChangePassword,
                          {{QLatin1String("old_password"), oldPassword}, {QLatin1String("new_password"), newPassword}},
                          context, [this, done](const Reply &r) {
                              if (r.ok)
                                  m_connection->adoptToken(r.d.value(QLatin1String("token")).toString());
                              done(r.ok, r.error);
                          });
}

void ClientState::kickMember(Id guildId, Id userId)
{
    simple(op::MemberKick, {{kGuildId, idJson(guildId)}, {QLatin1String("user_id"), idJson(userId)}},
           tr("Removing someone from the server"));
}

void ClientState::leaveGuild(Id guildId)
{
    simple(op::GuildLeave, {{kGuildId, idJson(guildId)}}, tr("Leaving the server"));
}

void ClientState::renameGuild(Id guildId, const QString &name)
{
    simple(op::GuildUpdate, {{kGuildId, idJson(guildId)}, {QLatin1String("name"), name}}, tr("Renaming the server"));
}

void ClientState::deleteGuild(Id guildId)
{
    simple(op::GuildDelete, {{kGuildId, idJson(guildId)}}, tr("Deleting the server"));
}

void ClientState::setRole(Id guildId, Id userId, Role role)
{
    simple(op::MemberSetRole,
           {{kGuildId, idJson(guildId)}, {QLatin1String("user_id"), idJson(userId)}, {QLatin1String("role"), roleName(role)}},
           tr("Changing the role"));
}

void ClientState::createInvite(Id guildId)
{
    m_connection->request(op::InviteCreate, {{kGuildId, idJson(guildId)}}, this, [this, guildId](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Creating an invite"), r.error);
            return;
        }
        emit inviteCreated(r.d.value(QLatin1String("code")).toString(), guildId);
    });
}

void ClientState::createChannel(const QString &name, const QString &topic)
{
    Channel spec;
    spec.name = name;
    spec.topic = topic;
    createChannel(spec);
}

void ClientState::createChannel(const Channel &spec)
{
    if (!m_guild)
        return; // Home has no channels of its own
    QJsonObject d{{kGuildId, idJson(m_guild)}, {QLatin1String("name"), spec.name}};
    if (!spec.topic.isEmpty())
        d.insert(QLatin1String("topic"), spec.topic);
    if (spec.isCategory())
        d.insert(QLatin1String("type"), channelTypeName(ChannelType::Category));
    if (!spec.color.isEmpty())
        d.insert(QLatin1String("color"), spec.color);
    if (spec.parentId)
        d.insert(QLatin1String("parent_id"), idJson(spec.parentId));
    // Older hosts know neither field: send them only when they say something.
    if (spec.mode == ChannelMode::Roulette)
        d.insert(QLatin1String("mode"), channelModeName(ChannelMode::Roulette));
    if (!spec.persistent || spec.mode == ChannelMode::Roulette)
        d.insert(QLatin1String("persistent"), false);
    m_connection->request(op::ChannelCreate, d, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Creating the channel"), r.error);
            return;
        }
        onEvent(ev::ChannelCreated, r.d);
        selectChannel(idFromJson(r.d.value(QLatin1String("id")))); // a category is not selected
    });
}

void ClientState::joinListedGuild(Id guildId, QObject *context, std::function<void(bool, const Error &)> done)
{
    m_connection->request(op::GuildJoin, {{kGuildId, idJson(guildId)}}, context,
                          [this, done = std::move(done)](const Reply &r) {
                              if (r.ok) {
                                  m_selectAfterCreate = idFromJson(r.d.value(QLatin1String("id")));
                                  addGuild(r.d, true);
                              }
                              if (done)
                                  done(r.ok, r.error);
                          });
}

void ClientState::updateChannel(Id channelId, const QString &name, const QString &topic)
{
    simple(op::ChannelUpdate,
           {{kChannelId, idJson(channelId)}, {QLatin1String("name"), name}, {QLatin1String("topic"), topic}},
           tr("Changing the channel"));
}

void ClientState::deleteChannel(Id channelId)
{
    simple(op::ChannelDelete, {{kChannelId, idJson(channelId)}}, tr("Deleting the channel"));
}

} // namespace kith::app
