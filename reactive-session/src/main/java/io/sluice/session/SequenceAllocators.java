package io.sluice.session;

import io.sluice.core.sql.Sequence;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The {@link SequenceAllocator} of each sequence, shared by the sessions of a factory (and so of its engine). */
final class SequenceAllocators {

    private final ConcurrentMap<String, SequenceAllocator> allocators = new ConcurrentHashMap<>();

    /**
     * Returns the allocator of a sequence, made on first use.
     *
     * @param sequence the sequence
     * @return its allocator
     */
    SequenceAllocator of(Sequence sequence) {
        SequenceAllocator allocator = allocators.get(sequence.name());
        return allocator != null
                ? allocator
                : allocators.computeIfAbsent(sequence.name(), name -> new SequenceAllocator(sequence));
    }
}
