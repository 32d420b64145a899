#pragma once
//! A TCP relay on 127.0.0.1 between a server under test and its database, on a thread of its
//! own (the server may block its caller while it connects). cut() is the database going away
//! for the server: every relayed connection drops and new ones are refused; restore() brings
//! it back on the same port.

#include <QHostAddress>
#include <QObject>
#include <QThread>
#include <QUrl>

namespace kith::test {

class TcpProxy : public QObject
{
    Q_OBJECT
public:
    TcpProxy(const QString &targetHost, quint16 targetPort);
    //! A relay to the database of a postgresql:// URL.
    explicit TcpProxy(const QUrl &databaseUrl);
    ~TcpProxy() override;

    //! Listens on 127.0.0.1 at a free port; false if it cannot.
    bool start();
    quint16 port() const { return m_port; }
    //! The URL given to the constructor, through the relay (after start()).
    QString relayedUrl() const;
    void cut();
    bool restore();

private:
    class Relay;
    QThread m_thread;
    Relay *m_relay = nullptr;
    quint16 m_port = 0;
    QUrl m_target;
};

} // namespace kith::test
