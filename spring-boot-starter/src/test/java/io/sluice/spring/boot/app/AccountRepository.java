package io.sluice.spring.boot.app;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** A Spring Data R2DBC repository of the accounts. */
public interface AccountRepository extends ReactiveCrudRepository<AccountRow, Integer> {}
