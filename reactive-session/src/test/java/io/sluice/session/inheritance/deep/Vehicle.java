package io.sluice.session.inheritance.deep;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Inheritance;

/** The root of a three-level joined-table hierarchy: Vehicle, Car, SportsCar, each with its own table. */
@Entity(table = "deep_vehicle")
@Inheritance(
        strategy = Inheritance.Strategy.JOINED,
        subclasses = {Car.class, SportsCar.class})
public class Vehicle {
    @Id
    @Generated
    private Integer id;

    private String name;

    protected Vehicle() {}

    public Vehicle(String name) {
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
