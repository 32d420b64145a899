#pragma once
//! Channel settings' Permissions: the guild's roles, and for the one picked its overwrite in
//! this channel, one allow / neutral / deny switch per permission a channel reads. Saving sets
//! the overwrite (channel.set_overwrite), or removes it when every switch is neutral.

#include "shared/Types.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QListWidget;
class QPushButton;

namespace kith::app {

class ClientState;

class ChannelPermissionsPage : public QWidget
{
    Q_OBJECT
public:
    //! A switch's states, as the buttons' ids in their group.
    enum State { Neutral = 0, Allow = 1, Deny = 2 }; // not -1: QButtonGroup gives that its own meaning

    ChannelPermissionsPage(ClientState *state, Id channelId, QWidget *parent = nullptr);
    //! The permissions an overwrite may carry, in the order shown.
    static QList<Permission> channelPermissions();
    //! Picks a role in the list (tests, and the page's first look).
    void showRole(Id roleId);
    State state(Permission permission) const;
    void setState(Permission permission, State state);
    void save();

private:
    void fillRoles();
    PermissionOverwrite shownOverwrite() const;

    ClientState *m_state;
    Id m_channel;
    Id m_guild;
    Id m_shownRole = 0;
    QListWidget *m_roles;
    QLabel *m_roleHeading;
    QList<QPair<Permission, QButtonGroup *>> m_switches;
    QPushButton *m_save;
    QLabel *m_status;
};

} // namespace kith::app
