#pragma once
//! A channel's settings (issue 13), laid out as Server settings: Overview (name, topic, colour,
//! category, slow mode; manage_channels) and Permissions (each role's overwrite; manage_roles).
//! A section I lack the permission for is not shown; the host still decides.

#include "shared/Types.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace kith::app {

class ChannelPermissionsPage;
class ClientState;
class ColorPicker;

class ChannelSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    ChannelSettingsDialog(ClientState *state, Id channelId, QWidget *parent = nullptr);

    QStringList sections() const;
    void showSection(const QString &title);
    //! Slow mode's choices in seconds, Off (0) first.
    static QList<int> slowModeChoices();

private:
    void buildOverview();
    void saveOverview();

    ClientState *m_state;
    Id m_channel;
    QListWidget *m_sections;
    QStackedWidget *m_stack;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_topic = nullptr;
    ColorPicker *m_color = nullptr;
    QComboBox *m_parent = nullptr;
    QComboBox *m_slowMode = nullptr;
    QLabel *m_status = nullptr;
    ChannelPermissionsPage *m_permissions = nullptr;
};

} // namespace kith::app
