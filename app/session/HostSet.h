#pragma once
//! The hosts the app is signed in to, one HostSession each, and which one the window shows.
//! Adding or leaving one never touches another; badges and notifications read all of them.

#include "HostSession.h"

#include <QList>
#include <QObject>

namespace kith::app {

class FrameLog;

class HostSet : public QObject
{
    Q_OBJECT
public:
    explicit HostSet(const QString &dataDir, QObject *parent = nullptr);

    //! A new host (or the one with that id, if already there).
    HostSession *add(const QString &id, HostSession::Kind kind);
    //! Closes the host's connection and forgets it; the current one moves to the first left.
    void remove(const QString &id);
    HostSession *find(const QString &id) const;
    HostSession *findByUrl(const QUrl &url) const;
    const QList<HostSession *> &hosts() const { return m_hosts; }

    HostSession *current() const { return m_current; }
    void setCurrent(HostSession *host);

    //! Every host's connection, now and later, writes its frames here (null: nowhere).
    void setFrameLog(FrameLog *log);

    //! Mentions and unread DMs across every host: the app icon's badge.
    int totalMentions() const;

signals:
    void hostAdded(kith::app::HostSession *host);
    void hostRemoved(const QString &id);
    void currentChanged(kith::app::HostSession *host);
    //! A read state, a mute or the state itself changed on some host: badges may change.
    void countsChanged();

private:
    QString m_dataDir;
    QList<HostSession *> m_hosts;
    HostSession *m_current = nullptr;
    FrameLog *m_frameLog = nullptr;
};

} // namespace kith::app
