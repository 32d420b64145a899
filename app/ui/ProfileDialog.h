#pragma once
//! My profile (display name and avatar) or a guild's icon: a picture chosen from a file, cut to a
//! square with AvatarCropper, a round preview, then Save uploads it and sends user.update or
//! guild.update. Made when asked for and deleted on close: nothing of it stays in memory.

#include "shared/Snowflake.h"

#include <QDialog>
#include <QImage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kith::app {

class AvatarCropper;
class ClientState;
class Theme;

class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    //! `guildId` 0: my profile; else that guild's icon.
    ProfileDialog(ClientState *state, const Theme *theme, Id guildId = 0, QWidget *parent = nullptr);

    //! Shows a picture to crop (what choosing a file does once it is read).
    void setPicture(const QImage &image);
    AvatarCropper *cropper() const { return m_cropper; }
    QString errorText() const;
    //! Save, as the button does.
    void save();

signals:
    void saved();

private:
    void chooseFile();
    void updatePreview();

    ClientState *m_state;
    const Theme *m_theme;
    Id m_guildId;
    AvatarCropper *m_cropper;
    QLabel *m_preview;
    QLineEdit *m_name = nullptr;
    QLabel *m_error;
    QPushButton *m_remove;
    QPushButton *m_save;
    bool m_removed = false;
};

} // namespace kith::app
