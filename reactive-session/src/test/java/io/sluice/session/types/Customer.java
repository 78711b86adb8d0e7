package io.sluice.session.types;

import io.sluice.session.mapping.Convert;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Enumerated;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.RegisterConverter;

/** A customer with converted columns: a value class, a mutable value, money registered on the package, three enums. */
@Entity(table = "conv_customers")
@RegisterConverter(Tags.Joined.class)
public class Customer {
    @Id
    @Generated
    private Integer id;

    private String name;

    @Convert(EmailConverter.class)
    @MappedColumn(length = 120, unique = true)
    private Email email;

    private Money balance;
    private Tags tags;
    private Status status;

    @Enumerated(Enumerated.EnumStorage.ORDINAL)
    private Priority priority;

    @Convert(Grade.Code.class)
    @MappedColumn(length = 1)
    private Grade grade;

    protected Customer() {}

    public Customer(String name, Email email) {
        this.name = name;
        this.email = email;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Email getEmail() {
        return email;
    }

    public void setEmail(Email email) {
        this.email = email;
    }

    public Money getBalance() {
        return balance;
    }

    public void setBalance(Money balance) {
        this.balance = balance;
    }

    public Tags getTags() {
        return tags;
    }

    public void setTags(Tags tags) {
        this.tags = tags;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public Grade getGrade() {
        return grade;
    }

    public void setGrade(Grade grade) {
        this.grade = grade;
    }
}
