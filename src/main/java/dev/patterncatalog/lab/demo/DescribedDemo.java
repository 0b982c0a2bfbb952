package dev.patterncatalog.lab.demo;

/**
 * A demo whose description is fixed when it is created.
 */
abstract class DescribedDemo implements Demo {

	private final DemoDescriptor descriptor;

	DescribedDemo(DemoDescriptor descriptor) {
		this.descriptor = descriptor;
	}

	@Override
	public final DemoDescriptor descriptor() {
		return this.descriptor;
	}

}
