#pragma once
//! Ctrl+,: theme, language, and where the data lives.

#include <QDialog>

class QComboBox;

namespace kith::app {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const QString &theme, const QString &language, const QString &dataDir,
                   QWidget *parent = nullptr);
    QString theme() const;
    QString language() const;

signals:
    void themeChosen(const QString &theme);
    void signOutRequested();

private:
    QComboBox *m_theme;
    QComboBox *m_language;
};

} // namespace kith::app
