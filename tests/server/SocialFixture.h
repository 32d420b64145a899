#pragma once
//! Steps the social suites share (friends, DMs, presence, read states) on top of ServerFixture.

#include "common/Scenario.h"
#include "common/ServerFixture.h"

#include <QJsonObject>
#include <QString>
#include <QHash>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>

namespace kith::test {

class SocialFixture
{
public:
    SocialFixture();

    //! Starts the server with rate limits out of the way (these suites send many requests).
    bool start(QString *error = nullptr);
    ServerFixture &server() { return m_fx; }

    //! A new signed-in user; the username is unique.
    std::unique_ptr<TestClient> user(const QString &name);
    //! Another session of c's user, signed in with its token (a second device).
    std::unique_ptr<TestClient> secondSession(const TestClient &c);

    static QString username(const TestClient &c);

    //! The permission suites' cast: `owner` owns a new guild `g`, `admin` holds the admin rank
    //! there, `b` and `c` are plain members, `out` is an outsider. False when a step failed.
    bool rankedGuild(std::unique_ptr<TestClient> &owner, std::unique_ptr<TestClient> &admin,
                     std::unique_ptr<TestClient> &b, std::unique_ptr<TestClient> &c,
                     std::unique_ptr<TestClient> &out, GuildRef &g);
    //! Flushes and forgets every client, so a test sees only the events of its own steps.
    //! False when a flush got no reply.
    bool settle(const QList<TestClient *> &clients);
    //! For cleanup(): the seq and protocol problems the clients saw, one per line (empty when
    //! none), then drops them all. Null clients (reset by a test) are skipped.
    static QStringList release(std::initializer_list<std::unique_ptr<TestClient> *> clients);

    //! A ping round trip: every event the server sent c before it is now in c.events().
    //! Works because events and replies share one ordered connection.
    static bool flush(TestClient &c);
    //! a asks b, b accepts; both sides have seen relationship.updated friend (taken).
    bool befriend(TestClient &a, TestClient &b);
    //! The relationship type c has with otherId according to friend.list ("none" when absent).
    static QString listedType(TestClient &c, const QString &otherId);

    //! Forgets c's events so far (after a flush): the event helpers below see only later ones.
    //! (By seq, not TestClient::clearEvents, so waitEvent bookkeeping stays intact.)
    void forget(TestClient &c);
    void forget(const QList<TestClient *> &clients);
    //! Events of that name c got since forget(c).
    QList<Event> events(const TestClient &c, const QString &name) const;
    int count(const TestClient &c, const QString &name) const { return int(events(c, name).size()); }
    //! Waits for an event since forget(c) matching pred, and takes it.
    std::optional<Event> waitFor(TestClient &c, const QString &name,
                                 const std::function<bool(const Event &)> &pred = {}, int timeoutMs = 10000);

    //! relationship.updated events c got about otherId since forget(c).
    QList<Event> relationshipEvents(const TestClient &c, const QString &otherId) const;
    //! presence.updated events c got about userId since forget(c).
    QList<Event> presenceEvents(const TestClient &c, const QString &userId) const;
    //! Waits for a presence.updated about userId with that status (taken).
    std::optional<Event> waitPresence(TestClient &c, const QString &userId, const QString &status,
                                      int timeoutMs = 20000); // offline comes after a 5 s grace
    //! The entry of ready.presences (or any list of {user_id,...}) for userId; empty when absent.
    static QJsonObject presenceIn(const QJsonObject &ready, const QString &userId);
    //! The entry of ready.read_states for channelId; empty when absent.
    static QJsonObject readStateIn(const QJsonObject &ready, const QString &channelId);

    //! dm.open from c to otherId; the channel on success, empty otherwise.
    static QJsonObject openDm(TestClient &c, const QString &otherId);
    //! Ids of a channel's recipients, in order.
    static QStringList recipientIds(const QJsonObject &channel);

private:
    qint64 markOf(const TestClient &c) const;

    ServerFixture m_fx;
    struct Mark {
        QString session; //!< a new TestClient at a reused address has another session
        qint64 seq = 0;
    };
    QHash<const TestClient *, Mark> m_marks;
};

} // namespace kith::test
