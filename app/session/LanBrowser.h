#pragma once
//! "Parties on your network": listens for LAN party beacons (docs/PROTOCOL.md, "LAN
//! discovery") and keeps the parties heard in the last two seconds. No widgets.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUdpSocket>
#include <QUrl>

namespace kith::app {

class LanBrowser : public QObject
{
    Q_OBJECT
public:
    struct Party {
        QString name;
        QUrl url;              //!< ws:// or wss://, as the host announced it
        int people = 0;
        bool password = false; //!< guests need the party's password
        QString fingerprint;   //!< its certificate's SHA-256; empty without TLS
        qint64 seenMs = 0;     //!< when the last beacon came (the browser's clock)
    };

    explicit LanBrowser(QObject *parent = nullptr);

    //! Where beacons are sent and heard: `KITH_ANNOUNCE`, else `setting`, else every
    //! interface's broadcast address (on loopback only when `loopbackOnly`), on the discovery port.
    static QString target(const QString &setting, bool loopbackOnly = false);
    //! Whether `text` is a target: "HOST:PORT", "HOST" or "broadcast[:PORT]".
    static bool isTarget(const QString &text);
    //! Listen where `target` says ("HOST:PORT", or "broadcast[:PORT]" for every interface).
    void setTarget(const QString &target) { m_target = target; }

    //! Starts listening; counted, so each start() needs its stop(). False (and error()) if the
    //! port cannot be bound.
    bool start();
    void stop();
    bool isListening() const { return m_socket.state() == QAbstractSocket::BoundState; }
    QString error() const { return m_error; }

    //! The parties heard lately, by name.
    QList<Party> parties() const;

    //! Reads one beacon; false if it is not one (wrong JSON, version, or fields).
    static bool parse(const QByteArray &datagram, Party *party);

signals:
    void partiesChanged();

private:
    void readPending();
    void expire();

    QString m_target;
    QUdpSocket m_socket;
    QTimer m_expiry;
    QElapsedTimer m_clock;
    QList<Party> m_parties;
    QString m_error;
    int m_users = 0;
};

} // namespace kith::app

Q_DECLARE_METATYPE(kith::app::LanBrowser::Party)
