#pragma once
//! One app per data folder. The first `kith` on a folder holds its lock and listens on a local
//! socket named after the folder; a second one hands its arguments over that socket (the first
//! comes to the front and opens any kith:// link) and exits without opening the database.

#include <QObject>
#include <QStringList>
#include <memory>

class QLocalServer;

namespace kith::server {
class FolderLock;
}

namespace kith::app {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    enum class Claim {
        Primary,    //!< this process holds the folder: go on, then call listen()
        Forwarded,  //!< the running app took the arguments: exit 0
        Failed      //!< neither (see error): exit non-zero
    };
    //! Takes the folder's lock or hands `arguments` to the app that holds it, waiting at most
    //! `timeoutMs` for it to answer. Works before QApplication exists (no event loop needed).
    Claim claim(const QStringList &arguments, QString *error, int timeoutMs = 1500);
    //! Starts taking arguments from later instances; emits argumentsReceived for each.
    bool listen(QString *error);

    //! The local socket's name for a folder: the same folder always gives the same name.
    static QString socketName(const QString &dataDir);

signals:
    void argumentsReceived(const QStringList &arguments);

private:
    void onConnection();

    QString m_dataDir;
    std::unique_ptr<server::FolderLock> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace kith::app
