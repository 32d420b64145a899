#pragma once
//! The column of guild icons on the far left: the Kith mark, the guilds, then "+".

#include <QWidget>

class QListView;
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

signals:
    void addRequested();
    void homeRequested();

private:
    void syncSelection();

    ClientState *m_state;
    QListView *m_list;
    QToolButton *m_home;
    QToolButton *m_add;
};

} // namespace kith::app
