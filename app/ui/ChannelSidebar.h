#pragma once
//! The guild's name with its menu, its channels, and my footer.

#include "shared/Types.h"

#include <QWidget>

class QListView;
class QToolButton;
class QLabel;
class QMenu;
class QModelIndex;

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
    //! The context menu of a row at Home (a DM), or of Home's empty space for an invalid index.
    QMenu *makeDmMenu(const QModelIndex &index);
    //! The context menu of a guild channel's row (the caller owns it).
    QMenu *makeChannelMenu(const QModelIndex &index);
    QToolButton *newGroupButton() const { return m_newGroup; }
    //! Home's "Friends" entry above the DMs (with the count of requests waiting).
    QToolButton *friendsEntry() const { return m_friends; }

signals:
    //! Home's title was clicked: find a conversation (the quick switcher).
    void findRequested();
    void inviteRequested();
    void createChannelRequested();
    void editChannelRequested(kith::Id channelId);
    void deleteChannelRequested(kith::Id channelId);
    void leaveRequested();
    void renameGuildRequested();
    void guildIconRequested();
    void serverSettingsRequested();
    //! The footer's Edit profile.
    void profileRequested();
    void deleteGuildRequested();
    void settingsRequested();
    void connectionLogRequested();
    void newGroupDmRequested();
    void leaveGroupDmRequested(kith::Id channelId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void syncGuild();
    void syncSelection();
    void showGuildMenu();
    void syncTitleLook();
    void showChannelMenu(const QPoint &pos);

    ClientState *m_state;
    QToolButton *m_title;
    QLabel *m_section;
    QToolButton *m_newGroup;
    QToolButton *m_friends;
    const Theme *m_theme;

    void syncFriendsEntry();
    QListView *m_list;
    UserFooter *m_footer;
};

} // namespace kith::app
