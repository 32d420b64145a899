#pragma once
//! A real QWebSocket client for tests: requests with waiting replies, collected events.

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <optional>

namespace kith::test {

//! A reply as the client received it. `received` is false when the wait timed out.
struct Reply {
    bool received = false;
    bool ok = false;
    QJsonValue re;
    QJsonObject d;
    QString code;        //!< error.code when !ok
    QString message;     //!< error.message when !ok
    qint64 retryAfterMs = -1;
    QJsonObject raw;

    //! One line for failure messages: "ok {...}" or "error code: message".
    QString describe() const;
};

struct Event {
    QString name;
    qint64 seq = -1;
    QJsonObject d;
};

class TestClient : public QObject
{
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);
    ~TestClient() override;

    //! Opens the socket and waits for `hello`; false on timeout or if hello is malformed.
    bool connectTo(const QUrl &url, int timeoutMs = 10000);
    bool isConnected() const;
    //! For wss://: accept only a certificate with this SHA-256 fingerprint (default: any
    //! certificate, self-signed or not). `peerFingerprint()` says what the server showed.
    void pinFingerprint(const QString &fingerprint) { m_pin = fingerprint; }
    QString peerFingerprint() const { return m_peerFingerprint; }
    const QJsonObject &hello() const { return m_hello; }

    //! Sends a request and waits for the reply whose `re` matches.
    Reply request(const QString &op, const QJsonObject &d = {}, int timeoutMs = 15000);
    //! Sends a request without waiting; returns its id for waitReply().
    qint64 send(const QString &op, const QJsonObject &d = {});
    Reply waitReply(const QJsonValue &re, int timeoutMs = 15000);
    bool hasReply(const QJsonValue &re) const;
    //! Replies with `"re":null` arrive for frames without a usable id; takes the oldest one.
    Reply waitNullReply(int timeoutMs = 10000);

    void sendRawText(const QByteArray &frame);
    void sendRawBinary(const QByteArray &frame);

    // Events
    const QList<Event> &events() const { return m_events; }
    void clearEvents()
    {
        m_events.clear();
        m_taken.clear();
    }
    //! Waits for an event of that name not yet taken by an earlier waitEvent and takes it.
    std::optional<Event> waitEvent(const QString &name, int timeoutMs = 10000);
    //! Waits until an event of that name matching pred arrives (taken like waitEvent).
    std::optional<Event> waitEventWhere(const QString &name,
                                        const std::function<bool(const Event &)> &pred,
                                        int timeoutMs = 10000);
    int countEvents(const QString &name) const;
    QList<Event> eventsNamed(const QString &name) const;
    //! seq of the last event received (0 before ready).
    qint64 lastSeq() const { return m_lastSeq; }
    //! Seq numbers that did not follow the previous one by exactly 1 (after ready resets to 1).
    const QStringList &seqProblems() const { return m_seqProblems; }
    //! Frames that were neither a reply nor an event, or not JSON objects.
    const QStringList &protocolProblems() const { return m_protocolProblems; }

    // Sessions
    //! session.register; on success waits for `ready` and keeps token/session/user.
    Reply registerUser(const QString &username, const QString &password,
                       const QString &displayName = {});
    Reply login(const QString &username, const QString &password);
    Reply loginWithToken(const QString &token);
    //! session.guest (a LAN party); `password` left out when null.
    Reply guest(const QString &nickname, const QString &password = QString());
    //! session.resume with the kept token/session and the given seq (default: lastSeq()).
    Reply resume(const QString &token, const QString &session, qint64 seq);

    QString token() const { return m_token; }
    QString sessionId() const { return m_session; }
    QJsonObject user() const { return m_user; }
    QString userId() const { return m_user.value(QLatin1String("id")).toString(); }
    const QJsonObject &readyData() const { return m_ready; }

    //! Closes politely and waits for the disconnect.
    void close();
    //! Drops the TCP connection without a close handshake, as a network failure would.
    void abort();
    bool waitDisconnected(int timeoutMs = 10000);
    int closeCode() const { return m_closeCode; }
    QWebSocket &socket() { return m_socket; }

private:
    void onText(const QString &text);
    Reply signedIn(const Reply &r);

    QWebSocket m_socket;
    QString m_pin;
    QString m_peerFingerprint;
    QJsonObject m_hello;
    bool m_gotHello = false;
    qint64 m_nextId = 1;
    QHash<QString, Reply> m_replies;   // key: re as compact JSON
    QList<Reply> m_nullReplies;
    QList<Event> m_events;
    QList<bool> m_taken;               // parallel to m_events: consumed by waitEvent
    qint64 m_lastSeq = 0;
    QStringList m_seqProblems;
    QStringList m_protocolProblems;
    QString m_token;
    QString m_session;
    QJsonObject m_user;
    QJsonObject m_ready;
    int m_closeCode = -1;
    bool m_disconnected = true;
};

} // namespace kith::test
