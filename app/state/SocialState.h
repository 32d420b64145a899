#pragma once
//! Who I relate to and how everyone shows: relationships (friends, requests, blocks),
//! presence (mine and others') and who is typing where. Part of ClientState, which forwards
//! its public calls here and re-emits the signals as its own.

#include "shared/ErrorCode.h"
#include "shared/Types.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace kith::app {

class Connection;

//! How a user shows: online, idle, dnd, invisible (only ever mine) or offline.
struct Presence {
    QString status = QStringLiteral("offline");
    QString customStatus;
};

//! Another user as I see them: friend, incoming, outgoing or blocked.
struct Relationship {
    User user;
    QString type;
};

class SocialState : public QObject
{
    Q_OBJECT
public:
    explicit SocialState(Connection *connection, QObject *parent = nullptr);

    void setMe(Id me) { m_me = me; }
    //! Takes the friends and presences of a ready; returns my status as the host has it.
    QString loadReady(const QJsonObject &ready);
    //! After a ready's signals: refetches every relationship and, when the host's idea of my
    //! status (`hostStatus`) is not what I chose, tells it again.
    void afterReady(const QString &hostStatus);
    //! relationship.updated, presence.updated, typing.started; others are ignored.
    void onEvent(const QString &name, const QJsonObject &d);

    QList<Relationship> relationships() const { return m_relations.values(); }
    Relationship relation(Id userId) const { return m_relations.value(userId); }
    //! Someone's name changed (user.updated).
    void renameUser(const User &user);
    bool hasRelation(Id userId) const { return m_relations.contains(userId); }
    //! My friends who are not among the channel's recipients, by name.
    QList<User> friendsOutside(const Channel &c) const;
    void refreshRelationships();
    void requestFriend(const QString &username);
    void relate(QLatin1String op, Id userId);

    //! What the host last said of `userId`; while the connection is down, others are
    //! "unknown": their last state would be a guess.
    Presence presence(Id userId) const;
    QString myStatus() const { return m_myStatus; }
    QString myCustomStatus() const { return m_myCustom; }
    //! The status and custom text the user chose, kept by the app: set again on every new
    //! session (a reconnect, a restarted host, a restart of the app).
    void setChosenPresence(const QString &status, const QString &customStatus);
    void setPresence(const QString &status, const QString &customStatus);
    void setIdle(bool idle);
    bool isIdle() const { return m_idle; }

    //! Those typing in a channel now (not me), oldest first.
    QList<Id> typingUsers(Id channelId) const;
    //! The user composes in `channelId`: tells the host, at most every few seconds.
    void noteTyping(Id channelId);
    //! Their message arrived, so they stopped typing.
    void stopTyping(Id channelId, Id userId);

signals:
    //! The user chose a status (or custom text): for the app to keep.
    void presenceChosen(const QString &status, const QString &customStatus);
    void presenceChanged(kith::Id userId);
    void friendRequestAnswered(const QString &username, bool ok);
    void relationshipsChanged();
    void typingChanged(kith::Id channelId);
    void actionFailed(const QString &what, const kith::Error &error);

private:
    void applyRelationship(const User &user, const QString &type);
    void applyPresence(const QJsonObject &d);
    void expireTyping();

    Connection *m_connection;
    Id m_me = 0;
    bool m_ready = false; //!< a ready arrived: there is a session to tell my status
    QHash<Id, Relationship> m_relations;
    QHash<Id, Presence> m_presence;
    QString m_myStatus = QStringLiteral("online");
    QString m_myCustom;
    bool m_chosen = false; //!< the app knows what the user chose: the host's word does not replace it
    bool m_idle = false;
    bool m_wasOnline = false;
    QHash<Id, QHash<Id, QDeadlineTimer>> m_typing; //!< channel -> user -> until
    QTimer m_typingTimer;
    QElapsedTimer m_typingSent;
    Id m_typingChannel = 0;
};

} // namespace kith::app
