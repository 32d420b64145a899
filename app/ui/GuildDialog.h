#pragma once
//! "+" in the rail: create a server, or join one with an invite code.

#include <QDialog>

class QLineEdit;
class QTabWidget;

namespace kith::app {

class GuildDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GuildDialog(const QString &suggestedName, QWidget *parent = nullptr);
    bool isJoin() const;
    QString name() const;
    QString code() const;
    QString rawCode() const; //!< the join field as typed (a link, a URL and a code, or a code)
    void setJoin(bool join);
    void setCode(const QString &code);

private:
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QLineEdit *m_code;
};

} // namespace kith::app
