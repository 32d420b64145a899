#pragma once
//! Server settings (issue 13), a page over the window as chat apps show them: Roles (by
//! position, drag to reorder, colour, permission switches), Members (roles, kick, ban, time out)
//! and Bans (unban). A section or control I lack the permission for is not shown; the host
//! still decides, and what it refuses is said under the control.

#include "SettingsFrame.h"
#include "shared/Types.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace kith::app {

class ClientState;
class Theme;

class ServerSettingsDialog : public SettingsFrame
{
    Q_OBJECT
public:
    ServerSettingsDialog(ClientState *state, const Theme *theme, Id guildId, QWidget *parent = nullptr);

    //! The role list's rows, highest first (tests and the drag).
    QList<Id> shownRoleOrder() const;

signals:
    //! "Change icon…": the guild's icon in the profile dialog.
    void iconRequested();

private:
    void buildOverview();
    void buildAuditLog();
    void fillAuditLog();
    void buildStats();
    void buildRoles();
    void buildMembers();
    void buildBans();
    void fillRoles();
    void showRole(Id roleId);
    void saveRole();
    void showPickedColor();
    void reorderFromList();
    void fillMembers();
    void memberRolesMenu();
    void timeoutMenu();
    void fillBans();
    void say(QLabel *status, bool ok, const QString &text);
    Id selectedMember() const;

    ClientState *m_state;
    const Theme *m_theme;
    Id m_guild;

    // Overview
    QLineEdit *m_guildName = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QCheckBox *m_discoverable = nullptr;
    QLabel *m_overviewStatus = nullptr;

    // Audit log
    QTreeWidget *m_audit = nullptr;

    // Roles
    QListWidget *m_roles = nullptr;
    QLineEdit *m_roleName = nullptr;
    QPushButton *m_roleColor = nullptr;
    QString m_pickedColor; //!< "#rrggbb" or empty
    QCheckBox *m_mentionable = nullptr;
    QList<QPair<Permission, QCheckBox *>> m_permissionBoxes;
    QPushButton *m_saveRole = nullptr;
    QPushButton *m_deleteRole = nullptr;
    QLabel *m_roleStatus = nullptr;
    QWidget *m_roleEditor = nullptr;
    Id m_shownRole = 0;
    bool m_filling = false; //!< the role list is being refilled: its moves are not the user's
    Id m_pendingRole = 0; //!< made here, to be shown when the host's event brings it

    // Members
    QTreeWidget *m_members = nullptr;
    QPushButton *m_memberRoles = nullptr, *m_kick = nullptr, *m_ban = nullptr, *m_timeout = nullptr;
    QLineEdit *m_banReason = nullptr;
    QLabel *m_memberStatus = nullptr;

    // Bans
    QTreeWidget *m_bans = nullptr;
    QPushButton *m_unban = nullptr;
    QLabel *m_banStatus = nullptr;
};

} // namespace kith::app
