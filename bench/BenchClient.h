#pragma once
//! One load-generator connection: a QWebSocket that speaks enough of protocol v1 to sign in,
//! send requests and time message deliveries. Lives on one worker thread and is only touched
//! there; the main thread reads the shared Progress counters and collects stats afterwards.

#include "shared/Envelope.h"

#include <QHash>
#include <QObject>
#include <QUrl>
#include <atomic>
#include <functional>
#include <vector>

class QTimer;
class QWebSocket;

namespace kith::bench {

enum class Target { Server, Relay };

//! Counters every client of a pool bumps; the main thread polls them to know when a phase ends.
struct Progress {
    std::atomic<qint64> sent{0};       //!< measured messages sent
    std::atomic<qint64> failed{0};     //!< measured sends answered with an error
    std::atomic<qint64> acked{0};      //!< measured sends answered ok
    std::atomic<qint64> delivered{0};  //!< measured unique deliveries
    std::atomic<qint64> inFlight{0};   //!< sends not yet completed (any phase)
    std::atomic<int> sendersDone{0};
    std::atomic<int> disconnects{0};   //!< sockets closed by the other side
    void reset()
    {
        sent = failed = acked = delivered = 0;
        sendersDone = 0;
    }
};

//! How a sender sends in one phase.
struct SendPlan {
    QString channelId;        //!< server: where to send; relay: unused
    int contentChars = 64;
    double rate = 0;          //!< messages/s; 0 = as fast as the window allows
    int window = 0;           //!< max sends in flight; 0 = unbounded (rate mode only)
    qint64 startNs = 0;
    qint64 endNs = 0;         //!< no new send at or after this
    bool completeOnAck = false; //!< a send completes on its reply (persist) or its own delivery
    bool warm = false;        //!< warm-up: deliveries are not measured
};

//! What one client measured; merged by the scenario.
struct ClientStats {
    qint64 sent = 0, failed = 0, acked = 0, deliveries = 0, duplicates = 0;
    qint64 deliveredChars = 0; //!< frame sizes of the measured deliveries
    qint64 firstSendNs = 0, lastReceiveNs = 0, lastAckNs = 0;
    std::vector<qint64> latencyNs; //!< send -> delivery, every receiver
    std::vector<qint64> ackNs;     //!< send -> reply, senders (server only)
    QHash<QString, int> errors;    //!< error code -> count
};

class BenchClient : public QObject
{
    Q_OBJECT
public:
    using DoneFn = std::function<void(bool ok, const QString &error)>;
    using ReplyFn = std::function<void(const ServerFrame &reply)>;

    BenchClient(int index, Target target, Progress *progress);
    ~BenchClient() override;

    int index() const { return m_index; }
    Target target() const { return m_target; }

    //! Connects; done once the server's hello arrived (relay: once connected).
    void open(const QUrl &url, DoneFn done);
    void request(QLatin1String op, const QJsonObject &d, ReplyFn onReply);
    //! session.register / session.login; done after the reply and the ready event.
    void signIn(QLatin1String op, const QJsonObject &d,
                std::function<void(bool ok, const QString &error, const QJsonObject &reply)> done);
    void abort();
    bool isOpen() const;

    void startSending(const SendPlan &plan);
    const ClientStats &stats() const { return m_stats; }
    void resetStats();

    qint64 connectStartNs = 0; //!< set by open()
    qint64 readyNs = 0;        //!< when ready arrived (server) or the socket opened (relay)
    qint64 lastFrameNs = 0;    //!< when the frame being handled arrived, before parsing it

private:
    struct PendingSend {
        qint64 seq;
        qint64 sentNs;
        bool warm;
    };
    void onText(const QString &frame);
    void onDelivery(QStringView frame, qint64 receivedNs);
    void onReply(const ServerFrame &reply, qint64 receivedNs);
    void finishOpen(bool ok, const QString &error);
    void pump();
    void sendOne();
    void stopSending();
    void completeOne();

    const int m_index;
    const Target m_target;
    Progress *m_progress;
    QWebSocket *m_socket;
    DoneFn m_openDone;
    std::function<void(bool, const QString &, const QJsonObject &)> m_signInDone;
    QJsonObject m_signInReply;
    bool m_signInReplied = false, m_readySeen = false;
    qint64 m_nextId = 1;
    QHash<qint64, ReplyFn> m_pending;
    QHash<qint64, PendingSend> m_sends;

    SendPlan m_plan;
    bool m_sending = false;
    QTimer *m_tick;
    qint64 m_seq = 0;          //!< messages this client ever sent (all phases)
    qint64 m_phaseSent = 0;    //!< messages sent in the current phase
    qint64 m_phaseOffsetNs = 0;
    int m_inFlight = 0;
    ClientStats m_stats;
    std::vector<std::vector<bool>> m_seen; //!< [sender][seq] delivered, to find duplicates
};

} // namespace kith::bench
