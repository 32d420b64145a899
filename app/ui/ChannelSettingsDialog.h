#pragma once
//! A channel's settings (issue 13), laid out as Server settings: Overview (name, topic, colour,
//! category, slow mode; manage_channels) and Permissions (each role's overwrite; manage_roles).
//! A section I lack the permission for is not shown; the host still decides.

#include "SettingsFrame.h"
#include "shared/Types.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kith::app {

class ChannelPermissionsPage;
class ClientState;
class ColorPicker;

class ChannelSettingsDialog : public SettingsFrame
{
    Q_OBJECT
public:
    ChannelSettingsDialog(ClientState *state, Id channelId, QWidget *parent = nullptr);

    //! Slow mode's choices in seconds, Off (0) first.
    static QList<int> slowModeChoices();

private:
    void buildOverview();
    void saveOverview();

    ClientState *m_state;
    Id m_channel;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_topic = nullptr;
    ColorPicker *m_color = nullptr;
    QComboBox *m_parent = nullptr;
    QComboBox *m_slowMode = nullptr;
    QLabel *m_status = nullptr;
    ChannelPermissionsPage *m_permissions = nullptr;
};

} // namespace kith::app
