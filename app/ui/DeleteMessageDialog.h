#pragma once
//! "Delete message": shows the message being deleted and a red Delete, as chat apps do.

#include <QDialog>

class QPushButton;

namespace kith::app {

class Theme;

class DeleteMessageDialog : public QDialog
{
    Q_OBJECT
public:
    DeleteMessageDialog(const QString &author, const QString &content, const Theme *theme, QWidget *parent = nullptr);
    QPushButton *deleteButton() const { return m_delete; }
    QString preview() const; //!< the message as the dialog shows it

private:
    QPushButton *m_delete;
    QString m_preview;
};

} // namespace kith::app
