#pragma once
//! The column of guild icons on the far left: the Kith mark, DMs with unread messages (their
//! avatars with status and count, as a shortcut), the guilds, then "+".

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

signals:
    void addRequested();
    void homeRequested();

private:
    void syncSelection();
    void syncBadge();
    void syncDms();

    ClientState *m_state;
    QListView *m_list;
    QToolButton *m_home;
    QToolButton *m_add;
    QLabel *m_homeBadge;
    QWidget *m_dmBox;
    QTimer *m_dmSync;
    const Theme *m_theme;
};

} // namespace kith::app
