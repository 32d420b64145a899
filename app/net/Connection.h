#pragma once
//! One signed-in WebSocket session to a Kith host: hello, sign-in, request/reply matching,
//! reconnect with backoff and jitter, session.resume after a blip, full resync when refused.

#include "shared/Envelope.h"
#include "shared/Types.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <thread>

namespace kith::app {

class FrameLog;

//! How to sign in: a new account, a password, a saved token, or as a guest of a LAN party
//! (`username` is the nickname, `password` the party's, if it has one).
struct Credentials {
    enum class Mode { Register, Password, Token, Guest } mode = Mode::Token;
    QString username;
    QString password;
    QString displayName;
    QString token;
    QString invite;  //!< Register: the invite code that brought us (an invite-only server needs it)
};

struct Reply {
    bool ok = false;
    QJsonObject d;
    Error error;
};

class Connection : public QObject
{
    Q_OBJECT
public:
    enum class State { Offline, Connecting, SigningIn, Online, Reconnecting };
    Q_ENUM(State)
    using Handler = std::function<void(const Reply &)>;

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    //! Loads the TLS backend on a thread of its own. Every QWebSocket, even for ws://, loads it
    //! on construction (OpenSSL and its configuration: ~10 ms), so start-up does it while the
    //! window is being built rather than before the first connection. The caller keeps the
    //! thread: destroying it joins it, and a joined thread has freed its OpenSSL state. A pool
    //! thread would free it at its exit, after QThreadPool's wait, where it could meet OpenSSL's
    //! own clean-up at process exit freeing the same memory (a double free, seen in CI).
    [[nodiscard]] static std::jthread warmUp();

    //! Connects and signs in; keeps reconnecting until close() or a refused sign-in.
    void open(const QUrl &url, const Credentials &credentials);
    //! Closes for good (no reconnect); pending requests fail with `unavailable`.
    void close();
    //! Sends a request; the handler runs once with the reply, or with `unavailable` when the
    //! connection drops first. Nothing runs if `context` is gone by then.
    void request(QLatin1String op, const QJsonObject &d, QObject *context, Handler handler);

    State state() const { return m_state; }
    bool isOnline() const { return m_state == State::Online; }
    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    const User &me() const { return m_me; }
    QJsonObject limits() const { return m_limits; }
    QString serverName() const { return m_serverName; }

    //! The host gave this session a new token (user.change_password): later sign-ins and
    //! resumes use it; emits signedIn so whoever keeps the token stores the new one.
    void adoptToken(const QString &token);
    //! Backoff bounds; tests shorten them.
    void setBackoff(int baseMs, int maxMs);
    //! Drops the socket as a network failure would (tests, and the heartbeat).
    void dropForTest();
    //! Skips the rest of the backoff wait ("Reconnect now").
    void reconnectNow();
    //! Why the last connection attempt failed, in words ("connection refused", "timed out",
    //! "not a Kith server", …); empty once connected.
    QString failureReason() const { return m_failure; }
    //! For wss:// hosts no certificate authority vouches for (a LAN party's self-signed
    //! certificate): the SHA-256 fingerprint ("AB:CD:…") to accept. Empty: the first
    //! certificate seen is trusted and pinned (certificateTrusted), as SSH does. A different
    //! certificate later is refused (certificateChanged) and the connection stops retrying.
    //! A certificate an authority does vouch for but that is wrong otherwise (issued for
    //! another name, expired, revoked) is never pinned: refused (certificateInvalid).
    void setPinnedFingerprint(const QString &fingerprint) { m_pin = fingerprint; }
    QString pinnedFingerprint() const { return m_pin; }
    //! Where every frame sent and received and every state change is written; null: nowhere.
    void setFrameLog(FrameLog *log);
    FrameLog *frameLog() const;
    //! This host in the log: "127.0.0.1:7421".
    QString logHost() const { return m_logHost; }
    //! Bytes of requests not handed to the network yet: 0 once request() returns, since a
    //! request goes out at once rather than at the event loop's next turn (after a paint).
    qint64 unsentBytes() const;
    //! How long until the next attempt, while waiting to reconnect; else -1.
    int retryInMs() const { return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTime() : -1; }

signals:
    void stateChanged(kith::app::Connection::State state);
    //! A LAN party's host kicked this guest (close code 4003): it does not reconnect.
    void kicked();
    //! The host ended its LAN party (close code 4004): nothing to reconnect to.
    void partyEnded();
    //! The whole initial state: after the first sign-in and after a refused resume.
    void ready(const QJsonObject &d);
    void resumed();
    void event(const QString &name, const QJsonObject &d);
    void signedIn(const QString &token, const kith::User &me);
    //! Wrong password, unknown user or revoked token: the connection stops retrying.
    void signInFailed(const kith::Error &error);
    //! A self-signed certificate was seen for the first time and is now pinned: keep it.
    void certificateTrusted(const QString &fingerprint);
    //! The host showed another certificate than the pinned one: refused, not retried.
    void certificateChanged(const QString &expected, const QString &got);
    //! The host's certificate comes from an authority but is not valid for it; `reason` says
    //! why in words. Refused, not retried.
    void certificateInvalid(const QString &reason);

private:
    void connectSocket();
    void onConnected();
    void onSslErrors(const QList<QSslError> &errors);
    void noteFailure(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onText(const QString &text);
    void onHello(const QJsonObject &d);
    void onReady(qint64 seq, const QJsonObject &d);
    void onAuthReply(const Reply &reply);
    void onResumeReply(const Reply &reply);
    void send(QLatin1String op, const QJsonObject &d, QObject *context, Handler handler);
    void failPending();
    void scheduleReconnect();
    void setState(State state);
    void note(const QString &text);

    struct Pending {
        QPointer<QObject> context;
        Handler handler;
    };

    QWebSocket *m_socket = nullptr;
    QUrl m_url;
    Credentials m_credentials;
    State m_state = State::Offline;
    bool m_wanted = false;
    QHash<qint64, Pending> m_pending;
    qint64 m_nextId = 1;

    QString m_token;
    QString m_session;
    qint64 m_lastSeq = 0;
    bool m_awaitingReady = false;
    User m_me;
    QJsonObject m_limits;
    QString m_serverName;
    QString m_failure;
    QString m_pin;
    bool m_certificateRefused = false;

    QTimer m_reconnectTimer;
    QTimer m_heartbeat;
    int m_attempt = 0;
    int m_backoffBaseMs = 500;
    int m_backoffMaxMs = 30000;
    bool m_pingOutstanding = false;
    QPointer<FrameLog> m_log;
    QString m_logHost; //!< m_url's host and port, worked out once rather than per frame
};

} // namespace kith::app
