#pragma once
//! The column of guild icons on the far left: the Kith mark, DMs with unread messages (their
//! avatars with status and count, as a shortcut), the guilds, then "+", Explore and the party.

#include <QWidget>

class QLabel;
class QListView;
class QMenu;
class QModelIndex;
class QTimer;
class QToolButton;

namespace kith::app {

class ClientState;
class Theme;

//! A host the app is signed in to, as the rail shows it: a name over its guilds.
struct RailHost {
    QString id;
    QString name;
    ClientState *state = nullptr;
};

class ServerRail : public QWidget
{
    Q_OBJECT
public:
    ServerRail(ClientState *state, const Theme *theme, QWidget *parent = nullptr);
    QListView *list() const { return m_list; }
    QToolButton *home() const { return m_home; }
    //! The count on the Home button: unread DMs.
    QString homeBadge() const;
    //! The unread DMs shown under Home, newest first.
    QList<QToolButton *> dmButtons() const;
    //! The context menu of a guild icon (the caller owns it).
    QMenu *makeGuildMenu(const QModelIndex &index);
    //! Every host the app is on; the current one is this rail's own state. With more than
    //! one, each host's guilds come under its name.
    void setHosts(const QList<RailHost> &hosts, const QString &currentId);
    //! The guild lists of the other hosts, in rail order.
    QList<QListView *> otherHostLists() const;

signals:
    void addRequested();
    void exploreRequested(); //!< "Explore servers": the directory
    void partyRequested(); //!< "Host a LAN party"
    void homeRequested();
    //! A guild of another host (0: that host's home) was clicked.
    void hostGuildRequested(const QString &hostId, quint64 guildId);
    void leaveHostRequested(const QString &hostId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void syncSelection();
    void syncBadge();
    void syncDms();

    ClientState *m_state;
    QListView *m_list;
    QToolButton *m_home;
    QToolButton *m_add;
    QToolButton *m_explore;
    QToolButton *m_party;
    QLabel *m_homeBadge;
    QLabel *m_currentHeader;   //!< the current host's name, when there are several
    QWidget *m_hostBox;        //!< the other hosts: a name and guild icons each
    QWidget *m_dmBox;
    QTimer *m_dmSync;
    const Theme *m_theme;
    QList<RailHost> m_hosts;
    QString m_currentHostId;
};

} // namespace kith::app
