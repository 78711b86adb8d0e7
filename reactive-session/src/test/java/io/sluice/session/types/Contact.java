package io.sluice.session.types;

import io.sluice.session.mapping.Convert;

/** A mutable embedded value with a converted column. */
public class Contact {
    private String phone;

    @Convert(EmailConverter.class)
    private Email email;

    protected Contact() {}

    public Contact(String phone, Email email) {
        this.phone = phone;
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Email getEmail() {
        return email;
    }
}
