#pragma once
//! Start a group DM: tick the friends to bring in, optionally name it.

#include "shared/Types.h"

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace kith::app {

class GroupDmDialog : public QDialog
{
    Q_OBJECT
public:
    GroupDmDialog(const QList<User> &friends, QWidget *parent = nullptr);
    //! The ticked friends, in the list's order.
    QList<Id> chosen() const;
    QString name() const;
    //! Ticks or unticks a friend, as a click on its row does (for tests).
    void setChosen(Id userId, bool on);
    QListWidget *list() const { return m_list; }
    QLineEdit *nameField() const { return m_name; }
    QPushButton *createButton() const { return m_create; }

private:
    void sync();

    QListWidget *m_list;
    QLineEdit *m_name;
    QPushButton *m_create = nullptr;
};

} // namespace kith::app
