#pragma once
//! Announces a server on the local network: one small JSON datagram every 500 ms
//! (docs/PROTOCOL.md, "LAN discovery"), so apps nearby list it under "Parties on your network".

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>
#include <functional>
#include <optional>

namespace kith::server {

class Beacon : public QObject
{
    Q_OBJECT
public:
    //! Where beacons go: one address and port, or every interface's broadcast address.
    struct Target {
        QHostAddress host;
        quint16 port = 0;
        bool everyInterface = false;

        //! "HOST:PORT", "HOST" (the discovery port), or "broadcast[:PORT]".
        static std::optional<Target> parse(const QString &text, QString *error);
        QString toString() const;
    };
    //! What a beacon says besides its URL: name, people, password, fingerprint.
    using Body = std::function<QJsonObject()>;

    //! `scheme` is ws or wss; `listen`/`port` where the server accepts connections.
    Beacon(const Target &target, const QString &scheme, const QHostAddress &listen, quint16 port, Body body,
           QObject *parent = nullptr);

    void start();
    void stop();
    //! The URL a beacon sent out of `interfaceAddress` (or towards the target) carries.
    QString urlFor(const QHostAddress &interfaceAddress) const;

private:
    void send();

    Target m_target;
    QString m_scheme;
    QHostAddress m_listen;
    quint16 m_port;
    Body m_body;
    QUdpSocket m_socket;
    QTimer m_timer;
};

} // namespace kith::server
