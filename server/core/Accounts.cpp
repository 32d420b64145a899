#include "Accounts.h"

#include "Log.h"
#include "core/Access.h"
#include "core/Attachments.h"
#include "core/Credentials.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Party.h"
#include "core/LoginThrottle.h"
#include "core/Presence.h"
#include "core/ReadStates.h"
#include "ServerConfig.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QMutex>
#include <QThreadPool>

namespace kith::server {

namespace {

const QLatin1String kToken{"token"};
const QLatin1String kUsername{"username"};
const QLatin1String kPassword{"password"};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr qint64 kHashBusyRetryMs = 1000;

Error wrongCredentials()
{
    return Error::unauthorized(QStringLiteral("wrong username or password"));
}

} // namespace

// Where pool threads hand results back. The pool never touches Accounts or its QObject
// directly: it posts under the mutex, and Accounts clears the target under it before going.
struct Accounts::Mailbox {
    QMutex mutex;
    QObject *target = nullptr;

    void post(std::function<void()> f)
    {
        QMutexLocker lock(&mutex);
        if (target)
            QMetaObject::invokeMethod(target, std::move(f), Qt::QueuedConnection);
    }
};

Accounts::Accounts(ServiceContext &ctx, Presence &presence, ReadStates &readStates)
    : m_ctx(ctx)
    , m_presence(presence)
    , m_readStates(readStates)
    , m_context(std::make_unique<QObject>())
    , m_mailbox(std::make_shared<Mailbox>())
{
    m_mailbox->target = m_context.get();
}

Accounts::~Accounts()
{
    QMutexLocker lock(&m_mailbox->mutex);
    m_mailbox->target = nullptr;
    // m_context goes after this, and with it any result still posted.
}

void Accounts::flush()
{
    QCoreApplication::sendPostedEvents(m_context.get());
}

bool Accounts::admitHash(const Call &call, const QString &address)
{
    // Each hash holds 64 MiB while it runs: bound how many wait, in all and per address.
    if (m_hashesInFlight >= m_ctx.config.hashQueue || m_hashesPerAddress.value(address) >= m_ctx.config.hashesPerAddress) {
        ++m_hashesRefused;
        call.fail(Error::unavailable(QStringLiteral("too many sign-ins at once; try again"), kHashBusyRetryMs));
        return false;
    }
    return true;
}

template <class T>
void Accounts::offload(const QString &address, std::function<T()> work, std::function<void(T)> done)
{
    ++m_hashesInFlight;
    ++m_hashesPerAddress[address];
    auto finish = [this, address, done = std::move(done)](T result) {
        --m_hashesInFlight;
        if (--m_hashesPerAddress[address] <= 0)
            m_hashesPerAddress.remove(address);
        done(std::move(result));
    };
    m_ctx.cpuPool.start([mailbox = m_mailbox, work = std::move(work), finish = std::move(finish)]() mutable {
        T result = work();
        mailbox->post([finish = std::move(finish), result = std::move(result)]() mutable { finish(std::move(result)); });
    });
}

void Accounts::registerUser(const Call &call)
{
    JsonFields f(call.data());
    const QString username = f.string(kUsername);
    const QString password = f.string(kPassword);
    const std::optional<QString> display = f.optString(QLatin1String("display_name"));
    const std::optional<QString> invite = f.optString(QLatin1String("invite"));
    if (!f.ok())
        return call.fail(f.error());
    const QString &mode = m_ctx.config.registration;
    if (mode == u"closed")
        return call.fail(Error::forbidden(
            QStringLiteral("registration is closed on this server: ask its admin for an account")));
    // Only an invite-only server looks at the code; elsewhere it is ignored.
    const QString inviteCode = mode == u"invite" ? invite.value_or(QString()).trimmed() : QString();
    if (mode == u"invite" && inviteCode.isEmpty())
        return call.fail(Error::forbidden(QStringLiteral("this server takes new accounts by invite only: give an invite code")));
    QString why = validate::username(username);
    if (why.isEmpty())
        why = validate::password(password);
    const QString displayName = display ? validate::normalizedName(*display) : username;
    if (why.isEmpty() && display)
        why = validate::displayName(displayName);
    if (!why.isEmpty())
        return call.fail(Error::badRequest(why));

    EventSink *sink = call.sink();
    if (!sink)
        return;
    const QString address = sink->peerAddress();
    if (!admitHash(call, address))
        return;
    const User user{m_ctx.ids.next(), username, displayName};
    offload<QString>(address, [password] { return Credentials::hashPassword(password); },
                     [this, call, user, inviteCode](QString hash) {
        if (hash.isEmpty())
            return call.fail(Error::internal(QStringLiteral("password hashing failed")));
        const QString token = Credentials::newToken();
        const QByteArray tokenHash = Credentials::tokenHash(token);
        m_ctx.store.submit<User>(
            [user, hash, tokenHash, inviteCode](Store &s) -> Result<User> {
                const qint64 now = nowMs();
                // Checked with the write: an invite deleted meanwhile no longer lets anyone in.
                if (!inviteCode.isEmpty()) {
                    if (auto g = s.findInvite(inviteCode); !g)
                        return g.error().code == ErrorCode::NotFound
                                   ? Error::forbidden(QStringLiteral("this invite code is not valid here"))
                                   : g.error();
                }
                auto r = s.insertUser(user, hash, now);
                if (!r)
                    return r;
                if (auto t = s.insertToken(tokenHash, user.id, now); !t)
                    return t.error();
                return r;
            },
            [this, call, token](Result<User> &&r) {
                if (!r)
                    return call.fail(r.error());
                m_ctx.directory.putUser(r.value());
                qCInfo(lcAuth) << "registered user" << r->username << r->id;
                startSession(call, r.value(), token, false);
            });
    });
}

void Accounts::login(const Call &call)
{
    JsonFields f(call.data());
    if (f.has(kToken)) {
        const QString token = f.string(kToken);
        if (!f.ok())
            return call.fail(f.error());
        return loginWithToken(call, token);
    }
    const QString username = f.string(kUsername);
    const QString password = f.string(kPassword);
    if (!f.ok())
        return call.fail(Error::badRequest(
            QStringLiteral("session.login needs {token} or {username, password}: ") + f.error().message));
    loginWithPassword(call, username, password);
}

void Accounts::loginWithPassword(const Call &call, const QString &username, const QString &password)
{
    EventSink *sink = call.sink();
    if (!sink)
        return;
    const QString address = sink->peerAddress();
    if (const qint64 wait = m_ctx.loginThrottle.retryAfterMs(address, username, nowMs()); wait > 0)
        return call.fail(Error::rateLimited(wait, QStringLiteral("too many wrong passwords; wait before trying again")));
    if (!validate::username(username).isEmpty() || !validate::password(password).isEmpty()) {
        m_ctx.loginThrottle.recordFailure(address, username, nowMs());
        return call.fail(wrongCredentials());
    }
    m_ctx.store.submit<StoredUser>(
        [username](Store &s) { return s.findUserByUsername(username); },
        [this, call, username, password, address](Result<StoredUser> &&found) {
            if (!found && found.error().code != ErrorCode::NotFound)
                return call.fail(found.error());
            const StoredUser stored = found ? found.value() : StoredUser{};
            if (!admitHash(call, address))
                return;
            // An unknown username is checked against a dummy hash: it takes as long as a wrong
            // password, so timing does not tell which usernames exist.
            offload<bool>(address,
                [password, hash = stored.passwordHash] { return Credentials::verifyPasswordOrDummy(password, hash); },
                [this, call, username, address, stored](bool ok) {
                    if (!ok) {
                        m_ctx.loginThrottle.recordFailure(address, username, nowMs());
                        qCInfo(lcAuth) << "failed login for" << username << "from" << address;
                        return call.fail(wrongCredentials());
                    }
                    m_ctx.loginThrottle.recordSuccess(address, username);
                    const QString token = Credentials::newToken();
                    const QByteArray tokenHash = Credentials::tokenHash(token);
                    const User user = stored.user;
                    m_ctx.store.submit<Done>(
                        [tokenHash, user](Store &s) {
                            return s.insertToken(tokenHash, user.id, nowMs());
                        },
                        [this, call, token, user](Result<Done> &&r) {
                            if (!r)
                                return call.fail(r.error());
                            // Made a moment ago elsewhere (the admin tool, another node): the
                            // row just read stands in until that node's notice arrives here.
                            const User *known = m_ctx.directory.user(user.id);
                            startSession(call, known ? *known : user, token, false);
                        });
                });
        });
}

void Accounts::loginWithToken(const Call &call, const QString &token)
{
    const QByteArray hash = Credentials::tokenHash(token);
    m_ctx.store.submit<Id>([hash](Store &s) { return s.userOfToken(hash); },
                           [this, call, token](Result<Id> &&r) {
                               if (!r)
                                   return call.fail(r.error());
                               startSession(call, m_ctx.directory.userOrPlaceholder(r.value()), token, false);
                           });
}

void Accounts::resume(const Call &call)
{
    JsonFields f(call.data());
    const QString token = f.string(kToken);
    const QString sessionId = f.string(QLatin1String("session"));
    const std::optional<qint64> seq = f.optInt(QLatin1String("seq"), 0, std::numeric_limits<qint32>::max() * 1024LL);
    if (f.ok() && !seq)
        f.fail(QStringLiteral("missing field \"seq\""));
    if (!f.ok())
        return call.fail(f.error());
    const QByteArray hash = Credentials::tokenHash(token);
    m_ctx.store.submit<Id>([hash](Store &s) { return s.userOfToken(hash); },
                           [this, call, token, hash, sessionId, seq](Result<Id> &&r) {
        if (!r)
            return call.fail(r.error());
        EventSink *sink = call.sink();
        if (!sink)
            return;
        if (sink->isBound())
            return call.fail(Error::conflict(QStringLiteral("this connection is already signed in")));
        if (m_ctx.directory.isKicked(r.value()))
            return call.fail(Error::forbidden(QStringLiteral("you were kicked from this party")));
        if (auto s = m_ctx.hub.resume(sessionId, hash, *seq, sink)) {
            call.ok({{QLatin1String("resumed"), true}});
            m_ctx.hub.replay(s.get(), *seq);
            m_ctx.hub.announce(s.get());
            qCDebug(lcAuth) << "resumed session" << sessionId << "after seq" << *seq;
            return;
        }
        startSession(call, m_ctx.directory.userOrPlaceholder(r.value()), token, true);
    });
}

void Accounts::logout(const Call &call)
{
    const auto session = call.session();
    const QByteArray hash = session->tokenHash;
    m_ctx.store.submit<Done>([hash](Store &s) { return s.deleteToken(hash); },
                             [this, call, hash](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 call.ok({});
                                 m_ctx.hub.endSessionsOfToken(hash, limits::kCloseLoggedOut,
                                                              QStringLiteral("logged out"));
                             });
}

void Accounts::updateUser(const Call &call)
{
    JsonFields f(call.data());
    const std::optional<Id> avatar = f.nullableId(QLatin1String("avatar_attachment_id"));
    // display_name was required before avatars; a request with neither is still refused for it.
    const bool renames = f.has(QLatin1String("display_name")) || !avatar;
    const QString wanted = renames ? f.string(QLatin1String("display_name")) : QString();
    if (!f.ok())
        return call.fail(f.error());
    const User *me = m_ctx.directory.user(call.userId());
    if (!me)
        return call.fail(Error::internal(QStringLiteral("unknown user")));
    if (me->guest)
        return call.fail(access::guestsCannot(QStringLiteral("change their name; they keep the one they joined with")));
    const QString displayName = renames ? validate::normalizedName(wanted) : me->displayName;
    if (renames)
        if (const QString why = validate::displayName(displayName); !why.isEmpty())
            return call.fail(Error::badRequest(why));
    const Id userId = me->id;
    // Sent once stored, with what the Directory holds then (another update may have landed meanwhile).
    auto finish = [this, call, userId, renames, displayName, avatar](Result<Done> &&r) {
        if (!r)
            return call.fail(r.error());
        const User *now = m_ctx.directory.user(userId);
        if (!now)
            return call.fail(Error::internal(QStringLiteral("unknown user")));
        User updated = *now;
        if (renames)
            updated.displayName = displayName;
        if (avatar)
            updated.avatar = *avatar ? profileImagePath(*avatar) : QString();
        m_ctx.directory.putUser(updated);
        const QJsonObject d{{QLatin1String("user"), updated.toJson()}};
        call.ok(d);
        m_ctx.hub.toUsers(m_ctx.directory.holdersOf(updated.id), ev::UserUpdated, d);
    };
    if (!avatar) {
        return m_ctx.store.submit<Done>([userId, displayName](Store &s) { return s.setDisplayName(userId, displayName); },
                                        std::move(finish));
    }
    if (!m_attachments)
        return call.fail(Error::unavailable(QStringLiteral("this server stores no files")));
    m_attachments->setProfileImage(
        userId, *avatar,
        [userId, renames, displayName, id = *avatar](Store &s) -> Result<QStringList> {
            if (renames)
                if (auto r = s.setDisplayName(userId, displayName); !r)
                    return r.error();
            return s.setAvatar(userId, id);
        },
        std::move(finish));
}

void Accounts::changePassword(const Call &call)
{
    JsonFields f(call.data());
    const QString oldPassword = f.string(QLatin1String("old_password"));
    const QString newPassword = f.string(QLatin1String("new_password"));
    if (!f.ok())
        return call.fail(f.error());
    const User *me = m_ctx.directory.user(call.userId());
    EventSink *sink = call.sink();
    if (!me || !sink)
        return call.fail(Error::internal(QStringLiteral("unknown user")));
    if (me->guest)
        return call.fail(access::guestsCannot(QStringLiteral("have a password")));
    if (const QString why = validate::password(newPassword); !why.isEmpty())
        return call.fail(Error::badRequest(QStringLiteral("new_password: ") + why));
    // Counted with sign-in failures: a stolen connection cannot guess its way to the password.
    const QString address = sink->peerAddress();
    const QString username = me->username;
    if (const qint64 wait = m_ctx.loginThrottle.retryAfterMs(address, username, nowMs()); wait > 0)
        return call.fail(Error::rateLimited(wait, QStringLiteral("too many wrong passwords; wait before trying again")));
    const Id userId = me->id;
    const QString sessionId = call.session()->id;
    m_ctx.store.submit<QString>([userId](Store &s) { return s.passwordHashOf(userId); },
                                [this, call, oldPassword, newPassword, address, username, userId, sessionId](
                                    Result<QString> &&stored) {
        if (!stored)
            return call.fail(stored.error());
        if (!admitHash(call, address))
            return;
        offload<QString>(address,
            [oldPassword, newPassword, hash = stored.value()] {
                // Both in one trip to the pool: the old one checked, the new one hashed.
                return Credentials::verifyPassword(oldPassword, hash) ? Credentials::hashPassword(newPassword)
                                                                      : QString();
            },
            [this, call, address, username, userId, sessionId](QString newHash) {
                if (newHash.isEmpty()) {
                    m_ctx.loginThrottle.recordFailure(address, username, nowMs());
                    qCInfo(lcAuth) << "wrong old password from" << username << "at" << address;
                    return call.fail(Error::unauthorized(QStringLiteral("the old password is wrong")));
                }
                m_ctx.loginThrottle.recordSuccess(address, username);
                const QString token = Credentials::newToken();
                const QByteArray tokenHash = Credentials::tokenHash(token);
                m_ctx.store.submit<Done>(
                    [userId, newHash, tokenHash](Store &s) {
                        return s.replacePassword(userId, newHash, tokenHash, nowMs());
                    },
                    [this, call, token, tokenHash, userId, sessionId](Result<Done> &&r) {
                        if (!r)
                            return call.fail(r.error());
                        if (auto session = call.session())
                            session->tokenHash = tokenHash; // this connection now resumes with the new token
                        call.ok({{kToken, token}});
                        m_ctx.hub.endSessionsOfUser(userId, limits::kCloseLoggedOut,
                                                    QStringLiteral("the password was changed"), sessionId);
                        qCInfo(lcAuth) << "password changed for user" << userId;
                    });
            });
    });
}

void Accounts::startSession(const Call &call, const User &user, const QString &token, bool resumeReply)
{
    if (m_ctx.directory.isKicked(user.id))
        return call.fail(Error::forbidden(QStringLiteral("you were kicked from this party")));
    if (!m_party)
        return beginSession(call, user, token, resumeReply);
    m_party->admit(user, [this, call, user, token, resumeReply] { beginSession(call, user, token, resumeReply); });
}

void Accounts::beginSession(const Call &call, const User &user, const QString &token, bool resumeReply)
{
    // Counted in the store's order: a message committed after this job reaches the new
    // session as an event, one committed before it is in the count. Nothing is missed or doubled.
    m_ctx.store.submit<QList<ReadCount>>(m_readStates.countsJob(user.id),
                                         [this, call, user, token, resumeReply](Result<QList<ReadCount>> &&counts) {
        if (!counts)
            return call.fail(counts.error());
        EventSink *sink = call.sink();
        if (!sink)
            return;
        if (sink->isBound())
            return call.fail(Error::conflict(QStringLiteral("this connection is already signed in")));
        auto session = m_ctx.hub.createSession(user.id, Credentials::tokenHash(token), sink);
        sink->bindSession(session);
        if (resumeReply) {
            call.ok({{QLatin1String("resumed"), false}});
        } else {
            call.ok({{kToken, token},
                     {QLatin1String("session"), session->id},
                     {QLatin1String("user"), user.toJson()}});
        }
        m_ctx.hub.toSession(session.get(), ev::Ready, ready(*session, user, counts.value()));
        m_ctx.hub.announce(session.get());
        qCInfo(lcAuth) << "session" << session->id << "started for" << user.username << "from"
                       << sink->peerAddress();
    });
}

QJsonObject Accounts::ready(const SessionRecord &session, const User &user, const QList<ReadCount> &counts) const
{
    const Directory &dir = m_ctx.directory;
    QJsonArray guilds, friends, dms;
    for (Id g : dir.guildsOf(user.id))
        guilds.append(dir.guildJson(g, user.id));
    for (Id f : dir.related(user.id, RelationshipType::Friend))
        friends.append(dir.userOrPlaceholder(f).toJson());
    for (Id c : dir.dmsOf(user.id))
        dms.append(dir.dmWithUsers(c).toJson());
    return {{QLatin1String("user"), user.toJson()},
            {QLatin1String("session"), session.id},
            {QLatin1String("guilds"), guilds},
            {QLatin1String("friends"), friends},
            {QLatin1String("dms"), dms},
            {QLatin1String("presences"), m_presence.readyFor(user.id)},
            {QLatin1String("read_states"), ReadStates::toJson(counts)}};
}

} // namespace kith::server
