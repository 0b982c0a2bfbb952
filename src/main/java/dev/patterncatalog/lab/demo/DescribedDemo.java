package dev.patterncatalog.lab.demo;

import dev.patterncatalog.lab.LabProperties;

/**
 * A demo whose description is fixed when it is created, its parameters described from
 * their record.
 */
abstract class DescribedDemo<P extends Record> implements Demo<P> {

	private final Class<P> parameterType;

	private final DemoDescriptor descriptor;

	/**
	 * @param descriptor what the demo is, but for its parameters
	 */
	DescribedDemo(Class<P> parameterType, LabProperties properties, DemoDescriptor descriptor) {
		this.parameterType = parameterType;
		this.descriptor = descriptor.withParameters(DemoParameters.describe(parameterType, properties.limits()));
	}

	@Override
	public final DemoDescriptor descriptor() {
		return this.descriptor;
	}

	@Override
	public final Class<P> parameterType() {
		return this.parameterType;
	}

}
