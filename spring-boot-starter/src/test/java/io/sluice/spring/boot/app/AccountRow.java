package io.sluice.spring.boot.app;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The same table, as Spring Data R2DBC maps it. */
@Table("starter_accounts")
public record AccountRow(@Id Integer id, String name) {}
