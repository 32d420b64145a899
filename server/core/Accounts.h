#pragma once
//! session.register / login / resume / logout: who a connection speaks for.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

#include <QHash>
#include <QObject>
#include <memory>

namespace kith::server {

class Attachments;
class Party;
class Presence;
class ReadStates;
struct ReadCount;

class Accounts
{
public:
    Accounts(ServiceContext &ctx, Presence &presence, ReadStates &readStates);
    ~Accounts();

    void registerUser(const Call &call);
    void login(const Call &call);
    void resume(const Call &call);
    void logout(const Call &call);
    //! user.update {display_name?, avatar_attachment_id?}: replies {user}; user.updated goes to
    //! everyone who holds it.
    void updateUser(const Call &call);
    //! user.change_password {old_password, new_password}: replies {token}; every other token
    //! is revoked and its connections close with 4002.
    void changePassword(const Call &call);

    //! Counts unread messages, then binds a new session to the call's connection, replies
    //! {token, session, user} (or {resumed:false}) and sends ready. An account is put in the
    //! LAN party's guild first, when there is one.
    void startSession(const Call &call, const User &user, const QString &token, bool resumeReply);
    void setParty(Party *party) { m_party = party; }
    void setAttachments(Attachments *attachments) { m_attachments = attachments; }
    //! Delivers hashing results already handed back (when the server stops).
    void flush();
    //! Sign-ins refused because too many hashes were waiting (metrics, tests).
    qint64 hashesRefused() const { return m_hashesRefused; }

private:
    void loginWithPassword(const Call &call, const QString &username, const QString &password);
    void loginWithToken(const Call &call, const QString &token);
    void beginSession(const Call &call, const User &user, const QString &token, bool resumeReply);
    QJsonObject ready(const SessionRecord &session, const User &user, const QList<ReadCount> &counts) const;
    //! Runs work on the CPU pool and hands its result back on the gateway thread.
    template <class T>
    void offload(const QString &address, std::function<T()> work, std::function<void(T)> done);
    //! False (and the call answered `unavailable`) when too many hashes wait.
    bool admitHash(const Call &call, const QString &address);
    struct Mailbox;

    ServiceContext &m_ctx;
    Presence &m_presence;
    ReadStates &m_readStates;
    Party *m_party = nullptr;
    Attachments *m_attachments = nullptr;
    std::unique_ptr<QObject> m_context; //!< gateway thread: where hashing results are posted
    std::shared_ptr<Mailbox> m_mailbox;
    int m_hashesInFlight = 0;
    QHash<QString, int> m_hashesPerAddress;
    qint64 m_hashesRefused = 0;
};

} // namespace kith::server
