package dev.patterncatalog.system;

import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts a {@link MalformedRequestHandler} on every HTTP connection, so that even requests
 * Spring never sees get a problem-details answer.
 */
@Configuration(proxyBeanMethods = false)
class NettyConfiguration {

	@Bean
	NettyServerCustomizer malformedRequests(JsonMapper json) {
		return (server) -> server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, "malformedRequests", new MalformedRequestHandler(json));
			}
		});
	}

}
