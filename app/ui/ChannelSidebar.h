#pragma once
//! The guild's name with its menu, its channels, and my footer.

#include "shared/Types.h"

#include <QWidget>

class QListView;
class QToolButton;
class QLabel;

namespace kith::app {

class ClientState;
class Connection;
class Theme;
class UserFooter;

class ChannelSidebar : public QWidget
{
    Q_OBJECT
public:
    ChannelSidebar(ClientState *state, Connection *connection, const Theme *theme, QWidget *parent = nullptr);
    QListView *list() const { return m_list; }
    UserFooter *footer() const { return m_footer; }

signals:
    void inviteRequested();
    void createChannelRequested();
    void editChannelRequested(kith::Id channelId);
    void deleteChannelRequested(kith::Id channelId);
    void leaveRequested();
    void renameGuildRequested();
    void deleteGuildRequested();
    void settingsRequested();

private:
    void syncGuild();
    void syncSelection();
    void showGuildMenu();
    void showChannelMenu(const QPoint &pos);

    ClientState *m_state;
    QToolButton *m_title;
    QLabel *m_section;
    QListView *m_list;
    UserFooter *m_footer;
};

} // namespace kith::app
